"""The source documents portalcert transcribes (see ../shared/seeds/README.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    language: str
    source: str  # seed file name
    folder: str  # features/<folder>; empty until the document is transcribed


_ALL = (
    Document(
        "telefonica-mi-gestion-digital",
        "Telefónica Empresas — Cómo registrarme en Mi Gestión Digital",
        "es",
        "000_e54ea33d68ae62f0.txt",
        "",
    ),
    Document(
        "tim-impresa-semplice",
        "TIM Impresa Semplice — Area Clienti: registrazione e Gestione Utenze",
        "it",
        "001_33321c93bf8a4968.txt",
        "",
    ),
    Document(
        "telekom-hu-business-login",
        "Magyar Telekom — üzleti ügyfélszolgálat bejelentkezés",
        "hu",
        "002_b8be9bafa46af489.txt",
        "",
    ),
    Document(
        "tim-mybusiness",
        "TIM myBusiness — Area Clienti FAQ",
        "it",
        "003_97f794e3e48eac2d.txt",
        "",
    ),
    Document(
        "tim-convenzione-mobile-6",
        "TIM — Portale della Convenzione Telefonia Mobile 6: guida alla registrazione",
        "it",
        "004_7603f61f2d84d1c6.txt",
        "tim_convenzione_mobile6",
    ),
)

DOCUMENTS: dict[str, Document] = {doc.id: doc for doc in _ALL}


def transcribed() -> list[Document]:
    """Documents that have a features folder."""
    return [doc for doc in _ALL if doc.folder]
