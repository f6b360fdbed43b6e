"""Ed25519 keys and signatures of a bundle's manifest (the `cryptography` library).

The signature covers the exact bytes of manifest.json, which holds the SHA-256 of every other file:
one signature vouches for the whole bundle. `manifest.sig` carries it with the signer's public key, so
a reader without the key still learns who signed (its fingerprint); `verify --key` checks it is theirs.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from portalcert.errors import ConfigError

ALGORITHM = "Ed25519"


@dataclass(frozen=True)
class Signature:
    public_key: bytes  # raw 32 bytes
    signature: bytes  # raw 64 bytes

    def to_json(self) -> str:
        data = {
            "algorithm": ALGORITHM,
            "key_fingerprint": fingerprint(self.public_key),
            "public_key": base64.b64encode(self.public_key).decode("ascii"),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: bytes) -> Signature:
        """Raises ValueError naming what is malformed."""
        try:
            data: Any = json.loads(text)
            if data.get("algorithm") != ALGORITHM:
                raise ValueError(f"algorithm {data.get('algorithm')!r}, expected {ALGORITHM}")
            key = base64.b64decode(data["public_key"], validate=True)
            signature = base64.b64decode(data["signature"], validate=True)
        except (KeyError, AttributeError, TypeError, json.JSONDecodeError, binascii.Error) as exc:
            raise ValueError(f"malformed ({type(exc).__name__}: {exc})") from None
        if len(key) != 32 or len(signature) != 64:
            raise ValueError("malformed (an Ed25519 key has 32 bytes and a signature 64)")
        return cls(key, signature)


def fingerprint(public_key: bytes) -> str:
    return "SHA256:" + hashlib.sha256(public_key).hexdigest()[:32]


def generate(private_path: Path) -> tuple[Path, Path]:
    """A new key pair: `private_path` (PEM, PKCS#8, readable by its owner only) and `<private_path>.pub`.
    Refuses to replace an existing file: a lost signing key cannot be recovered."""
    public_path = private_path.with_name(private_path.name + ".pub")
    for path in (private_path, public_path):
        if path.exists():
            raise ConfigError(str(path), "", "already exists: keygen never replaces a key (choose --out)")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    try:
        private_path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(private_pem)
        public_path.write_bytes(public_pem)
    except OSError as exc:
        raise ConfigError(str(private_path), "", f"cannot write the key: {exc.strerror}") from None
    return private_path, public_path


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(str(path), "", f"cannot read the {what}: {exc.strerror}") from None


def load_private(path: Path) -> Ed25519PrivateKey:
    data = _read(path, "signing key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise ConfigError(
            str(path), "", "the signing key is encrypted: give an unencrypted PEM key"
        ) from None
    except (ValueError, UnsupportedAlgorithm):
        raise ConfigError(
            str(path), "", "not a PEM private key (make one with `portalcert keygen`)"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(str(path), "", f"not an Ed25519 key ({type(key).__name__})")
    return key


def load_public(path: Path) -> bytes:
    """The raw 32 bytes of an Ed25519 public key in PEM (as `keygen` writes it)."""
    data = _read(path, "public key")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        raise ConfigError(
            str(path), "", "not a PEM public key (the .pub file `portalcert keygen` wrote)"
        ) from None
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigError(str(path), "", f"not an Ed25519 public key ({type(key).__name__})")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(key: Ed25519PrivateKey, message: bytes) -> Signature:
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return Signature(public, key.sign(message))


def holds(signature: Signature, message: bytes) -> bool:
    """Whether `signature` is its key's signature of `message`."""
    try:
        Ed25519PublicKey.from_public_bytes(signature.public_key).verify(signature.signature, message)
    except InvalidSignature:
        return False
    return True
