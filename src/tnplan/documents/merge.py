"""A Word mail merge: the invitation is built once, each invitee's copy filled in as XML.

Building a .docx with python-docx takes tens of milliseconds (its default package opened,
every run formatted, every part serialised and compressed), and a thousand invitees would
wait for a thousand documents that differ in a few names.  So ``render invitation --each -f
docx`` builds the document once for each *shape* of invitee (which of their texts are empty,
their other facts), with a marker in place of each text; an invitee's copy is that document
with the markers replaced by their texts, escaped for XML, in the parts that hold them, and
every other part copied into the new file as it was compressed.

A copy is exactly the document :func:`tnplan.documents.docx_writer.build` gives for the
invitee's own block text, and it is used only when that is certain; otherwise the
invitee's document is built in full:

* the invitee's block text (their template, rendered for them) must be the merged block text
  with each marker replaced by the text the template would print: the template printed each
  text as it is, with no filter, test or branch on it that a marker hid;
* each text is one plain line (printable, not empty, no space at either end, no character
  the block language or XML would change), so that it fills a run of text exactly as the
  marker did;
* each marker stands inside the text of an XML element, in a block whose layout does not
  depend on the length of its text (a summary, an agency's name or the motto draw a rule
  as long as the text).

The first two are checked for every invitee, the last once per shape.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

MARK = "\ue000"
"""Markers are private-use characters (``MARK``, a letter, ``MARK``), which no filter
changes; a plan holding the same characters only makes its copies built in full."""

LENGTH_KINDS = frozenset({"summary", "agency", "motto"})
"""Blocks whose layout depends on the length of their text (a rule drawn under them)."""


def _marker(k: int) -> str:
    return f"{MARK}{chr(0xE100 + k)}{MARK}"


def _plain(text: str) -> bool:
    """A text that fills a run exactly as a marker does."""
    return (
        bool(text)
        and text.isprintable()
        and text == text.strip()
        and not any(c in text for c in "\ue000")
    )


def _digest(text: str) -> bytes:
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _xml(text: str) -> str:
    """Text as libxml2 writes it in an element's content (UTF-8)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Package:
    """A .docx (a zip) whose parts can be replaced while the others are copied as they are."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.infos = z.infolist()
            self.parts = {i.filename: z.read(i) for i in self.infos}
            end = z.start_dir
        starts = [*sorted(i.header_offset for i in self.infos), end]
        after = dict(itertools.pairwise(starts))
        self.records = {
            i.filename: data[i.header_offset : after[i.header_offset]] for i in self.infos
        }

    def zip(self, replaced: dict[str, bytes]) -> bytes:
        """The package with the parts in ``replaced`` compressed anew (same names, order,
        dates and attributes); every other part's record is copied byte for byte."""
        out: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        for info in self.infos:
            name = info.filename.encode("utf-8")
            crc, csize, usize = info.CRC, info.compress_size, info.file_size
            new = replaced.get(info.filename)
            if new is None:
                record = self.records[info.filename]
            else:
                packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
                body = packer.compress(new) + packer.flush()
                crc, csize, usize = zlib.crc32(new), len(body), len(new)
                record = self._local(info, name, crc, csize, usize) + body
            central.append(self._central(info, name, crc, csize, usize, offset, new is not None))
            out.append(record)
            offset += len(record)
        directory = b"".join(central)
        n = len(self.infos)
        end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, n, n, len(directory), offset, 0)
        return b"".join(out) + directory + end

    @staticmethod
    def _dos(info: zipfile.ZipInfo) -> tuple[int, int]:
        y, mo, d, h, mi, s = info.date_time
        return h << 11 | mi << 5 | s // 2, (y - 1980) << 9 | mo << 5 | d

    def _local(self, info: zipfile.ZipInfo, name: bytes, crc: int, csize: int, size: int) -> bytes:
        time, date = self._dos(info)
        flags = info.flag_bits & ~0x08  # sizes in the header: no data descriptor follows
        head = struct.pack(
            "<4s2B4HL2L2H",
            b"PK\x03\x04",
            info.extract_version,
            info.reserved,
            flags,
            zipfile.ZIP_DEFLATED,
            time,
            date,
            crc,
            csize,
            size,
            len(name),
            0,
        )
        return head + name

    def _central(
        self,
        info: zipfile.ZipInfo,
        name: bytes,
        crc: int,
        csize: int,
        size: int,
        offset: int,
        replaced: bool,
    ) -> bytes:
        time, date = self._dos(info)
        compress, flags = info.compress_type, info.flag_bits
        if replaced:
            compress, flags = zipfile.ZIP_DEFLATED, flags & ~0x08
        head = struct.pack(
            "<4s4B4HL2L5H2L",
            b"PK\x01\x02",
            info.create_version,
            info.create_system,
            info.extract_version,
            info.reserved,
            flags,
            compress,
            time,
            date,
            crc,
            csize,
            size,
            len(name),
            len(info.extra),
            len(info.comment),
            0,
            info.internal_attr,
            info.external_attr,
            offset,
        )
        return head + name + info.extra + info.comment


class _Skeleton:
    """A document built with markers, ready to be filled."""

    def __init__(self, text: str, package: Package, markers: dict[str, str]) -> None:
        self.text = text
        self.package = package
        self.markers = markers  # field name → marker
        self.pieces: dict[str, list[str]] = {}  # part → text split at the markers
        for name, data in package.parts.items():
            if MARK.encode("utf-8") not in data:
                continue
            xml = data.decode("utf-8")
            self.pieces[name] = _split(xml, list(markers.values()))

    def fill(self, values: dict[str, str]) -> bytes:
        """The document with each marker replaced by its field's text."""
        by_marker = {self.markers[k]: _xml(v) for k, v in values.items()}
        parts = {
            name: "".join(by_marker.get(p, p) for p in pieces).encode("utf-8")
            for name, pieces in self.pieces.items()
        }
        return self.package.zip(parts)


def _split(xml: str, markers: list[str]) -> list[str]:
    """``xml`` cut into literal pieces and markers (each marker its own piece)."""
    out: list[str] = []
    rest = xml
    while True:
        found = [(rest.find(m), m) for m in markers]
        found = [(i, m) for i, m in found if i >= 0]
        if not found:
            out.append(rest)
            return out
        i, m = min(found)
        out.append(rest[:i])
        out.append(m)
        rest = rest[i + len(m) :]


def _in_text(xml: str, marker: str) -> bool:
    """Whether every occurrence of ``marker`` in ``xml`` is inside an element's text."""
    start = 0
    while (i := xml.find(marker, start)) >= 0:
        if xml.rfind(">", 0, i) < xml.rfind("<", 0, i):  # inside a tag or an attribute
            return False
        start = i + len(marker)
    return True


class WordMerge:
    """Word documents for many items of one dataclass (the invitees), built once per shape.

    ``block_text(item)`` renders the block text of the item's document; ``build(text)``
    makes a .docx from block text; ``escape(text)`` is how the template prints a text;
    ``check(text)`` raises what ``build`` would raise for block text it cannot lay out.

    :meth:`prepare` renders an item's block text once (so that a template failing for one
    item fails before any document is written) and keeps only a digest of it; :meth:`document`
    then needs no second rendering for an item whose copy is filled in.
    """

    def __init__(
        self,
        block_text: Callable[[Any], str],
        build: Callable[[str], bytes],
        escape: Callable[[str], str],
        check: Callable[[str], None] | None = None,
    ) -> None:
        self._block_text = block_text
        self._build = build
        self._escape = escape
        self._check = check
        self._skeletons: dict[tuple[Any, ...], _Skeleton | None] = {}
        self._digests: dict[int, bytes] = {}
        self.merged = 0
        """How many documents were filled in (the rest were built in full)."""

    def prepare(self, item: Any) -> None:
        """Render ``item``'s block text (raising what its template raises), keep its digest."""
        text = self._block_text(item)
        if self._check is not None:
            self._check(text)
        self._digests[id(item)] = _digest(text)

    def document(self, item: Any) -> bytes:
        """The .docx bytes of ``item``'s document."""
        digest = self._digests.pop(id(item), None)
        text = None if digest is not None else self._block_text(item)
        strings, shape = self._shape(item)
        skeleton = None
        if shape is not None:
            if shape not in self._skeletons:
                self._skeletons[shape] = self._skeleton(item, strings)
            skeleton = self._skeletons[shape]
        if skeleton is not None:
            values = {k: strings[k] for k in skeleton.markers}
            if all(_plain(v) for v in values.values()):
                expected = skeleton.text
                for k, marker in skeleton.markers.items():
                    expected = expected.replace(marker, self._escape(values[k]))
                # Else the template did more with a text than print it: built in full.
                if (_digest(expected) == digest) if text is None else (expected == text):
                    self.merged += 1
                    return skeleton.fill(values)
        return self._build(self._block_text(item) if text is None else text)

    @staticmethod
    def _shape(item: Any) -> tuple[dict[str, str], tuple[Any, ...] | None]:
        """The item's texts, and what else its document may depend on (None: unknown)."""
        strings: dict[str, str] = {}
        shape: list[Any] = []
        for f in dataclasses.fields(item):
            value = getattr(item, f.name)
            if isinstance(value, str):
                strings[f.name] = value
                shape.append((f.name, bool(value)))
            else:
                try:
                    hash(value)
                except TypeError:
                    return strings, None
                shape.append((f.name, value))
        return strings, tuple(shape)

    def _skeleton(self, item: Any, strings: dict[str, str]) -> _Skeleton | None:
        """The document for ``item``'s shape, its texts replaced by markers; None when it
        cannot be filled in safely (see the module's rules)."""
        from .docx_writer import BlockError, parse

        markers = {k: _marker(i) for i, k in enumerate(strings) if strings[k]}
        if not markers:
            return None
        blank = dataclasses.replace(item, **markers)
        text = self._block_text(blank)
        try:
            blocks = parse(text)
        except BlockError:
            return None
        for block in blocks:
            if block.kind in LENGTH_KINDS and MARK in block.text:
                return None
        package = Package(self._build(text))
        for data in package.parts.values():
            if MARK.encode("utf-8") in data:
                xml = data.decode("utf-8")
                if not all(_in_text(xml, m) for m in markers.values()):
                    return None
        used = {k: m for k, m in markers.items() if m in text}
        if not used:
            return None
        return _Skeleton(text, package, used)
