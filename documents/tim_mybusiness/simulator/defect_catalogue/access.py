"""Getting in (MYB-01, MYB-02), employees' own line (MYB-04) and company isolation (MYB-16)."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "usernames_with_capitals_refused",
        "MYB-01",
        "the typed username is lower-cased and compared with usernames stored as registered",
        kills=("MYB-01: A registered employee gets in",),
    ),
    Defect(
        "password_prefix_accepted",
        "MYB-01",
        "a password longer than the stored one passes when it starts with it",
        # The baseline's wrong password is the user's with a typo at the end: accepted too.
        kills=(
            "MYB-01: A registered employee with a wrong password is refused",
            "SEC-05: After 10 wrong passwords the right one is not accepted at once",
            "SEC-05: 10 wrong passwords sent at the same time each count",
            "SEC-07: Signing in with an unknown username is answered like a wrong password",
        ),
    ),
    Defect(
        "ended_contract_not_checked",
        "MYB-01",
        "employees of a company whose TIM contract has ended still get in",
        kills=("MYB-01: An employee of a company whose TIM contract has ended is refused",),
    ),
    Defect(
        "recovery_links_swapped",
        "MYB-02",
        "the login page's username and password recovery links lead to each other's page",
        kills=(
            "MYB-02: The login page's link to recover the password leads to its recovery",
            "MYB-02: The login page's link to recover the username leads to its recovery",
        ),
        # The baseline asks for a new password through the link: it lands where the form is not.
        breaks=(
            "SEC-06: The current password still works after someone asked for a new one",
            "SEC-07: Recovery for an unknown username is answered like recovery with wrong data",
        ),
    ),
    Defect(
        "consumption_shows_first_company_line",
        "MYB-04",
        "Consumi shows the company's first line instead of the user's business mobile",
        kills=("MYB-04: An End User sees the consumption of their own line",),
    ),
    Defect(
        "consumption_without_business_mobile",
        "MYB-04",
        "Consumi opens for employees who gave no business mobile at registration (an empty page)",
        kills=("MYB-04: An employee who gave no business mobile at registration gets no line's consumption",),
    ),
    Defect(
        "consumption_of_other_lines_unchecked",
        "MYB-04",
        "a line's consumption by its address is shown to any employee of the company",
        kills=("MYB-04: An End User cannot open a colleague's consumption by its address",),
    ),
    Defect(
        "line_detail_other_company",
        "MYB-16",
        "a line's detail by its id does not check the line's company",
        kills=("MYB-16: Another company's line cannot be opened by its id",),
    ),
    Defect(
        "invoice_detail_other_company",
        "MYB-16",
        "an invoice by its id does not check the invoice's company",
        kills=("MYB-16: Another company's invoice cannot be opened by its id",),
    ),
    Defect(
        "user_detail_other_company",
        "MYB-16",
        "a user's detail by its id does not check the user's company",
        kills=("MYB-16: Another company's user cannot be opened by its id",),
    ),
    Defect(
        "nomination_accepts_other_company_employee",
        "MYB-16",
        "the nomination looks the employee's username up among every company's users",
        kills=("MYB-16: Another company's employee cannot be nominated Referente Master",),
    ),
)
