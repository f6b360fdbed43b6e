"""A realistic RunResult for report tests and for looking at the HTML: a CM6-like document with rules in
every status (Italian quotes with accents, a long failure, evidence files), a known deviation, a stale
expected-failure declaration, a rule the target's scope leaves out, and a small second document."""

from __future__ import annotations

from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status

LONG_FAILURE = (
    "Step 1 accepted the codice fiscale 94713410069 of «Istituto Comprensivo Statale di Castel di Sangro», "
    "an entity with no contract in Convenzione Mobile 6: expected to stay on page registration-step1 with an "
    'error, but the portal showed registration-step2 ("STEP 2/4: Dati personali").\n'
    "Journal: GET /registrazione -> 200; POST /registrazione -> 302; GET /registrazione -> 200\n"
    "Page text: Dati azienda — Codice Fiscale azienda: 94713410069, Denominazione: Istituto Comprensivo "
    "Statale di Castel di Sangro. Inserisci i tuoi dati identificativi personali quali il nome, il cognome, "
    "il numero mobile di contatto, il Codice Fiscale personale, l'indirizzo di email e il numero mobile "
    "aziendale TIM in convenzione."
)


# what the runner keeps for a failing scenario, in evidence/<slug>/
CM6_05_EVIDENCE = [
    "evidence/registration-38-entity-outside/page.html",
    "evidence/registration-38-entity-outside/journal.txt",
    "evidence/registration-38-entity-outside/screenshot.png",
    "evidence/registration-38-entity-outside/trace.zip",
]
KNOWN_DEVIATION_REASON = "The production portal accepts 17 characters until INC-4711 is fixed."
STALE_DECLARATION_REASON = "The OTP field strips the space until CR-2231 ships."
OUT_OF_SCOPE_REASON = "outside the target's scope (its rules: CM6-01, CM6-05, CM6-09)"


def _s(
    name: str,
    status: Status,
    line: int,
    *,
    duration: float = 0.42,
    message: str = "",
    failed_step: str = "",
    evidence: list[str] | None = None,
) -> ScenarioResult:
    return ScenarioResult(
        name=name,
        status=status,
        message=message,
        location=f"features/tim-convenzione-mobile-6/registration.feature:{line}",
        duration=duration,
        evidence=evidence or [],
        failed_step=failed_step,
    )


def cm6_document() -> DocumentResult:
    P, F, B, NA, NC = Status.PASS, Status.FAIL, Status.BROKEN, Status.NOT_APPLICABLE, Status.NOT_COVERED
    rules = [
        RuleResult(
            "CM6-01",
            "The public area shows the Convention's contact channels",
            "I canali di contatto: numero verde fonia 800.673.673, numero verde fax 800.000.109, Casella "
            "postale dedicata alla Convenzione: telefoniamobile6@telecomitalia.it",
            scenarios=[
                _s("Toll-free voice number is shown", P, 12, duration=0.31),
                _s("Toll-free fax number is shown", P, 17, duration=0.29),
            ],
        ),
        RuleResult(
            "CM6-05",
            "Only an entity holding SIMs in a CM6 contract can register",
            "Avere una SIM CARD attiva (o dichiarata nella modulistica contrattuale) all'interno di un "
            "contratto di telefonia mobile inserito in Convenzione Mobile 6.",
            scenarios=[
                _s("An entity in CM6 proceeds to step 2", P, 30, duration=1.12),
                _s(
                    "An entity outside the Convention is refused at step 1",
                    F,
                    38,
                    duration=1.87,
                    message=LONG_FAILURE,
                    failed_step='Then the portal refuses the identifier with "Ente non in Convenzione"',
                    evidence=CM6_05_EVIDENCE,
                ),
            ],
        ),
        RuleResult(
            "CM6-09",
            "Step 1 requires the graphic code (captcha)",
            "Successivamente digita il Codice Grafico (Captcha) visualizzato nel riquadro nero e clicca su "
            "PROSEGUI.",
            scenarios=[
                _s(
                    "A wrong graphic code is refused",
                    B,
                    52,
                    message="EngineError: locator [data-testid=captcha-image] matched nothing"
                    " on /registrazione",
                    failed_step="When the registrant types a wrong graphic code",
                    evidence=["evidence/CM6-09/page.html"],
                ),
                _s("The right graphic code is accepted", P, 60),
            ],
        ),
        RuleResult(
            "CM6-11",
            "The graphic code can be listened to",
            "Per ascoltare la lettura del codice grafico (su dispositivi dotati di scheda audio e con il "
            "volume attivo) puoi cliccare sul simbolo dell'altoparlante.",
            scenarios=[
                _s(
                    "The audio captcha is a sound file",
                    NA,
                    70,
                    message="the target declares no audio captcha",
                ),
            ],
        ),
        RuleResult(
            "CM6-16",
            "The registration OTP is two words typed with their space",
            "Inserisci il codice di due parole separate da spazio (OTP = One Time Password) nell'apposito "
            "campo e clicca su PROSEGUI.",
            expected_failure=STALE_DECLARATION_REASON,  # the portal got fixed: the declaration is stale
            scenarios=[
                _s("The OTP with its space is accepted", P, 88),
                _s("The OTP without its space is refused", P, 95),
            ],
        ),
        RuleResult(
            "CM6-17",
            "Usernames have 6 to 16 alphanumeric characters",
            "Ti ricordiamo che la username deve contenere almeno 6 caratteri alfanumerici con una lunghezza "
            "massima di 16 caratteri.",
            expected_failure=KNOWN_DEVIATION_REASON,
            scenarios=[
                _s(
                    "A 17-character username is refused",
                    F,
                    110,
                    message='Username "abcdefghijklmnopq" (17 characters) was accepted at step 3',
                    failed_step="Then the portal refuses the username",
                    evidence=["evidence/CM6-17/step3.png"],
                ),
            ],
        ),
        RuleResult(
            "CM6-18",
            "Step 3 offers to print the page",
            "Ti consigliamo di stampare questa pagina per non dimenticare i tuoi dati.",
            review_reason="Whether the printed page is legible and complete needs a person to look at it.",
            scenarios=[_s("Step 3 has a STAMPA action", P, 120)],
        ),
        RuleResult(
            "CM6-22",
            "The first login happens within 5 days",
            "Ti ricordiamo di effettuare il primo login entro 5 giorni dalla ricezione della presente mail.",
            scenarios=[
                _s("A temporary password works within 5 days", NC, 130, duration=0.0),
                _s("A temporary password expires after 5 days", NC, 136, duration=0.0),
            ],
        ),
        RuleResult(
            "CM6-29",
            "Convenzione 5 users log in without registering again",
            "Sei un utente precedentemente registrato al portale della Convenzione di Telefonia Mobile 5? "
            "Non hai bisogno di registrarti nuovamente! Se la tua linea è ora attiva in Convenzione "
            "Mobile 6, utilizza da subito la username e la password già in tuo possesso.",
        ),
        RuleResult(
            "CM6-33",
            "The password recovery sends a link by e-mail",
            "Per recuperare la password clicca su «Password dimenticata?» e riceverai una mail con il link.",
            out_of_scope=OUT_OF_SCOPE_REASON,
            scenarios=[_s("A recovery link arrives by e-mail", NC, 150, duration=0.0, message="not run")],
        ),
        RuleResult(
            "CM6-30",
            "The portal works with current browsers",
            "Per accedere all’home page, è necessario utilizzare un comune browser di ultima generazione "
            "(Internet Explorer 9 o seguenti, Google Chrome, Mozilla Firefox, Safari).",
            review_reason="Browser support cannot be shown by one engine; check the supported-browser list.",
        ),
    ]
    return DocumentResult(
        id="tim-convenzione-mobile-6",
        title="Portale Telecom Italia dedicato ai servizi di supporto alla Convenzione Telefonia Mobile 6",
        language="it",
        source="004_7603f61f2d84d1c6.txt",
        rules=rules,
    )


def hu_document() -> DocumentResult:
    return DocumentResult(
        id="telekom-hu-business-login",
        title="Magyar Telekom üzleti önkiszolgáló belépés",
        language="hu",
        source="002_b8be9bafa46af489.txt",
        rules=[
            RuleResult(
                "HU-03",
                "The temporary password must be changed at first login",
                "Az első belépéskor az ideiglenes jelszót meg kell változtatni.",
                scenarios=[
                    _s("First login asks for a new password", Status.PASS, 20, duration=2.5),
                ],
            ),
        ],
    )


def build_sample_run() -> RunResult:
    return RunResult(
        target="simulator",
        base_url="http://127.0.0.1:5000",
        engine="playwright",
        started_at="2025-06-03T09:14:05Z",
        duration=187.456,
        documents=[cm6_document(), hu_document()],
        tool_version="0.1.0",
    )
