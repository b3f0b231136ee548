"""Reads the hostile builds with other people's tools: every workbook with openpyxl, the
catalogue's Turtle and JSON-LD with rdflib, the feed with the standard XML parser (the
sitemap is the site's, made from its pages). Input on stdin, a JSON list of
{name, folder, xlsx: [texts], rdf: [texts]}; output on stdout, per build: what each tool read and which expected texts it did not find."""
import json
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import openpyxl
import rdflib


def workbook_texts(path: Path) -> set:
    book = openpyxl.load_workbook(path, read_only=True)
    texts = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            texts.update(value for value in row if isinstance(value, str))
    book.close()
    return texts


def graph(path: Path, fmt: str) -> rdflib.Graph:
    g = rdflib.Graph()
    data = path.read_text(encoding="utf-8")
    if fmt == "json-ld" and isinstance(json.loads(data).get("@context"), str):
        raise ValueError("remote @context")
    g.parse(data=data, format=fmt)
    return g


def judge(build: dict) -> dict:
    folder = Path(build["folder"])
    out = {"workbooks": 0, "problems": []}
    texts = set()
    for path in sorted(folder.rglob("*.xlsx")):
        try:
            texts |= workbook_texts(path)
            out["workbooks"] += 1
        except Exception as error:  # noqa: BLE001 - any failure to open is the finding
            out["problems"].append(f"{path.name}: openpyxl: {error}")
    out["xlsx_missing"] = [t for t in build["xlsx"] if t not in texts]
    literals = {}
    for name, fmt in (("catalog.ttl", "turtle"), ("catalog.jsonld", "json-ld")):
        try:
            g = graph(folder / "public" / name, fmt)
            literals[name] = {str(o) for o in g.objects() if isinstance(o, rdflib.Literal)}
            out[name] = len(g)
        except Exception as error:  # noqa: BLE001
            out["problems"].append(f"{name}: rdflib: {error}")
            literals[name] = set()
    out["rdf_missing"] = [f"{name}: {t[:60]}" for name, found in literals.items() for t in build["rdf"] if t not in found]
    for name in ("feed.xml",):
        try:
            ElementTree.parse(folder / "public" / name)
        except Exception as error:  # noqa: BLE001
            out["problems"].append(f"{name}: {error}")
    return out


def main() -> None:
    builds = json.load(sys.stdin)
    json.dump({build["name"]: judge(build) for build in builds}, sys.stdout)


main()
