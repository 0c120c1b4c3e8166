#!/usr/bin/env python3
"""Name-screening quality, measured: Gavel's screening scorer side by side with
plain rapidfuzz Jaro-Winkler and nomenklatura's `name-based`, `logic-v2` and
`ofac` scorers, on the labelled sets in the shared data folder.

The labelled sets are non-commercial (CC BY-NC): they are read where they lie,
at run time, and neither they nor pairs derived from them are written into the
repository. Only the aggregate figures (docs/screening-quality.md) and the
plot (docs/screening-quality.png) are.

    python3 Benchmarks/screening-quality/quality.py            # from the repository root
    python3 Benchmarks/screening-quality/quality.py --data DIR --gavel .build/release/gavel

See Benchmarks/screening-quality/README.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "lists"

# The thresholds the shipped bundle uses (Policies/): the review band starts at
# 0.90 (policies/screening.yaml), `gavel screen` and rules without their own
# threshold use the bundle's screening.min_score 0.92 (bundle.yaml), and every
# blocking rule needs 1.0. yente (OpenSanctions' API) answers `match` from 0.70.
GAVEL_SHIPPED = [0.90, 0.92, 1.0]
YENTE_DEFAULT = 0.70
SWEEP = [round(0.50 + 0.01 * i, 2) for i in range(51)]
SCORERS = ["gavel", "rapidfuzz-jw", "name-based", "logic-v2", "ofac"]
FCA_CANDIDATES = 10


def fail(message: str) -> None:
    print(f"quality.py: {message}", file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------- data


def locate(args) -> tuple[Path, dict[str, Path]]:
    data = Path(args.data or os.environ.get("GAVEL_QUALITY_DATA") or DEFAULT_DATA)
    files = {
        "ssb": data / "quality" / "ssb_ofac_sdn_perturbations.jsonl",
        "os": data / "quality" / "opensanctions_judgement_pairs.csv",
        "fca": data / "quality" / "fca_fake_names_negatives.tsv",
        "sdn": data / "ofac" / "sdn.xml",
    }
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        fail(
            "the labelled quality sets are not where they were looked for:\n  "
            + "\n  ".join(missing)
            + "\nGive the shared lists folder (the one with quality/ and ofac/) with --data DIR or GAVEL_QUALITY_DATA;"
            + f" the default is {DEFAULT_DATA} (../shared/data/lists from the repository root)."
        )
    return data, files


def read_sdn(path: Path) -> dict[str, dict]:
    """uid -> {type, names: [primary, strong aliases...]} as OFAC writes them ("LAST, First")."""
    ns = "{https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML}"

    def text(e, tag):
        x = e.find(ns + tag)
        return x.text.strip() if x is not None and x.text else ""

    def name(e):
        first, last = text(e, "firstName"), text(e, "lastName")
        return f"{last}, {first}" if first else last

    entries = {}
    for e in ET.parse(path).getroot().findall(ns + "sdnEntry"):
        names = [name(e)]
        akas = e.find(ns + "akaList")
        if akas is not None:
            for a in akas:
                # Weak AKAs go to a review-only list in the shipped bundle; the
                # entry itself is screened on its primary name and strong AKAs.
                if text(a, "category") == "strong":
                    names.append(name(a))
        entries[text(e, "uid")] = {"type": text(e, "sdnType").lower(), "names": names}
    return entries


def ssb_pairs(path: Path, sdn: dict) -> list[dict]:
    """One pair per query: a `match` query against its expected entry, a
    `no_match` near-miss against the entry it was made from (the entry whose
    primary name is its `source_name`): the dataset checked each negative
    against every SDN name, so reaching the threshold against that entry is a
    false positive by construction."""
    by_primary = {}
    for uid, entry in sdn.items():
        by_primary.setdefault(entry["names"][0], uid)
    pairs = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        uid = r["expected_uid"] if r["label"] == "match" else by_primary.get(r["source_name"])
        if uid not in sdn:
            continue
        kind = r["perturbation"]
        if kind == "invisible_char":
            # The generator's "invisible" characters include the ordinary
            # space: a word split in two is a different evasion from a
            # format character, so the two are counted apart.
            visible = "".join(c for c in r["query"] if unicodedata.category(c) != "Cf")
            kind = "invisible_char (format)" if visible == r["source_name"] else "invisible_char (space in a word)"
        pairs.append(
            {
                "set": "ssb",
                "label": 1 if r["label"] == "match" else 0,
                "queries": [r["query"]],
                "names": sdn[uid]["names"],
                "schema": "Person" if r["pool"] == "individual" else "Organization",
                "kind": kind,
                "family": r["family"],
            }
        )
    return pairs


def os_pairs(path: Path) -> list[dict]:
    """Human-judged pairs across lists: all of A's names against all of B's."""
    pairs = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["label"] not in ("match", "no_match"):
                continue

            def names(side):
                other = [n.strip() for n in r[f"{side}_other_names"].split(" | ") if n.strip()]
                return [r[f"{side}_name"]] + other

            kind = (r["a_type"] or "").lower()
            pairs.append(
                {
                    "set": "opensanctions",
                    "label": 1 if r["label"] == "match" else 0,
                    "queries": names("a"),
                    "names": names("b"),
                    "schema": "Person" if kind.startswith("individual") or kind == "person" else "LegalEntity",
                    "kind": kind or "unknown",
                    "family": r["derivation"],
                }
            )
    return pairs


def fca_pairs(path: Path, sdn: dict) -> list[dict]:
    """Invented names (none is listed) against the SDN entries most like
    them: the FCA_CANDIDATES best by rapidfuzz Jaro-Winkler and by token-set
    ratio, the blocking a screen does before scoring. A name counts as a false
    positive at a threshold when any of its candidates reaches it."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler
    from rapidfuzz.fuzz import token_set_ratio

    owners, choices = [], []
    for uid, entry in sdn.items():
        if entry["type"] not in ("individual", "entity"):
            continue
        for n in entry["names"]:
            owners.append(uid)
            choices.append(simple(n))
    pairs = []
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    for number, r in enumerate(rows):
        query = r["FakeName"]
        q = simple(query)
        found = []
        for scorer in (JaroWinkler.normalized_similarity, token_set_ratio):
            for _, _, at in process.extract(q, choices, scorer=scorer, limit=FCA_CANDIDATES * 3):
                if owners[at] not in found:
                    found.append(owners[at])
                if len(found) >= FCA_CANDIDATES * 2:
                    break
        for uid in found:
            pairs.append(
                {
                    "set": "fca",
                    "label": 0,
                    "group": number,
                    "queries": [query],
                    "names": sdn[uid]["names"],
                    "schema": "Person" if r["EntityType"] == "I" else "Organization",
                    "kind": "individual" if r["EntityType"] == "I" else "entity",
                    "family": "negative",
                }
            )
    return pairs


# ---------------------------------------------------------------- scorers


def simple(name: str) -> str:
    return " ".join(name.lower().split())


def score_rapidfuzz(pairs: list[dict]) -> tuple[list[float], float]:
    from rapidfuzz.distance import JaroWinkler

    start = time.perf_counter()
    scores, calls = [], 0
    for p in pairs:
        best = 0.0
        for q in p["queries"]:
            for n in p["names"]:
                best = max(best, JaroWinkler.similarity(simple(q), simple(n)))
                calls += 1
        scores.append(best)
    return scores, (time.perf_counter() - start) / max(1, calls) * 1e6


def score_nomenklatura(name: str, pairs: list[dict]) -> tuple[list[float], float]:
    from followthemoney import model
    from nomenklatura.matching import get_algorithm

    algorithm = get_algorithm(name)
    if algorithm is None:
        fail(f"nomenklatura has no algorithm `{name}`")

    def entity(schema, id, names):
        e = model.make_entity(schema)
        e.id = id
        e.add("name", names[0])
        if len(names) > 1:
            e.add("alias", names[1:])
        return e

    # Warm up (logic-v2 loads its reference data on first use).
    algorithm.compare(entity("Person", "q", ["a b"]), entity("Person", "r", ["a b"]), algorithm.default_config())
    start = time.perf_counter()
    scores = []
    for number, p in enumerate(pairs):
        query = entity(p["schema"], f"q{number}", p["queries"])
        result = entity(p["schema"], f"r{number}", p["names"])
        # A fresh configuration per call: compare() fills it in place.
        scores.append(float(algorithm.compare(query, result, algorithm.default_config()).score))
    return scores, (time.perf_counter() - start) / max(1, len(pairs)) * 1e6


def score_gavel(gavel: Path, pairs: list[dict]) -> tuple[list[float], list[str], dict]:
    # The pairs go to a temporary file outside the repository and are removed.
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for number, p in enumerate(pairs):
            f.write(json.dumps({"id": number, "query": p["queries"], "names": p["names"]}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        run = subprocess.run(
            [str(gavel), "bench-quality", "--pairs", path, "--repeats", "3"], capture_output=True, text=True
        )
    finally:
        os.unlink(path)
    if run.returncode != 0:
        fail(f"`{gavel} bench-quality` failed ({run.returncode}):\n{run.stderr}")
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    if len(rows) != len(pairs):
        fail(f"gavel answered {len(rows)} lines for {len(pairs)} pairs")
    timing = json.loads(run.stderr.strip().splitlines()[-1])["timing"]
    return [r["score"] for r in rows], [r["method"] or "" for r in rows], timing


# ---------------------------------------------------------------- figures


def confusion(pairs, scores, theta, grouped=False):
    tp = fp = fn = tn = 0
    if grouped:
        # FCA: one decision per invented name, positive when any candidate reaches theta.
        hit = defaultdict(bool)
        for p, s in zip(pairs, scores):
            hit[p["group"]] |= s >= theta
        fp = sum(hit.values())
        tn = len(hit) - fp
        return tp, fp, fn, tn
    for p, s in zip(pairs, scores):
        if p["label"]:
            tp += s >= theta
            fn += s < theta
        else:
            fp += s >= theta
            tn += s < theta
    return tp, fp, fn, tn


def metrics(pairs, scores, theta, grouped=False):
    tp, fp, fn, tn = confusion(pairs, scores, theta, grouped)
    precision = tp / (tp + fp) if tp + fp else (1.0 if not grouped else float("nan"))
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    fpr = fp / (fp + tn) if fp + tn else float("nan")
    return {"theta": theta, "precision": precision, "recall": recall, "f1": f1, "fpr": fpr, "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def best(pairs, scores, max_fpr=None):
    rows = [metrics(pairs, scores, t) for t in SWEEP]
    if max_fpr is not None:
        rows = [r for r in rows if r["fpr"] <= max_fpr]
    return max(rows, key=lambda r: (r["f1"], r["theta"])) if rows else None


def fmt(x, digits=3):
    return "—" if x is None or x != x else f"{x:.{digits}f}"


def row(scorer, at, m):
    return f"| {scorer} | {at} | {fmt(m['precision'])} | {fmt(m['recall'])} | **{fmt(m['f1'])}** | {fmt(m['fpr'])} | {m['tp']} / {m['fp']} / {m['fn']} / {m['tn']} |"


def table(name, pairs, scores):
    lines = [
        "| scorer | threshold | precision | recall | F1 | no-match FPR | TP / FP / FN / TN |",
        "|---|---|---|---|---|---|---|",
    ]
    for scorer in SCORERS:
        s = scores[scorer]
        shipped = GAVEL_SHIPPED if scorer in ("gavel", "rapidfuzz-jw") else [YENTE_DEFAULT]
        label = "shipped" if scorer == "gavel" else ("yente default" if scorer != "rapidfuzz-jw" else "Gavel's")
        for t in shipped:
            lines.append(row(scorer, f"{t:.2f} ({label})", metrics(pairs, s, t)))
        b = best(pairs, s)
        lines.append(row(scorer, f"{b['theta']:.2f} (best F1)", b))
        c = best(pairs, s, max_fpr=0.05)
        if c:
            lines.append(row(scorer, f"{c['theta']:.2f} (best F1, FPR ≤ 0.05)", c))
        else:
            lines.append(f"| {scorer} | (best F1, FPR ≤ 0.05) | no threshold in 0.50–1.00 keeps FPR ≤ 0.05 | | | | |")
    return "\n".join(lines)


def fca_table(pairs, scores):
    names = len({p["group"] for p in pairs})
    lines = ["| scorer | " + " | ".join(f"FPR at {t:.2f}" for t in [YENTE_DEFAULT] + GAVEL_SHIPPED) + " |", "|---|" + "---|" * 4]
    for scorer in SCORERS:
        cells = [fmt(metrics(pairs, scores[scorer], t, grouped=True)["fpr"]) for t in [YENTE_DEFAULT] + GAVEL_SHIPPED]
        lines.append(f"| {scorer} | " + " | ".join(cells) + " |")
    return names, "\n".join(lines)


def by_kind(pairs, scores, thetas):
    """Recall of match queries per perturbation kind (SSB), and no-match FPR per negative kind."""
    kinds = sorted({p["kind"] for p in pairs}, key=lambda k: (not any(p["label"] for p in pairs if p["kind"] == k), k))
    header = "| kind | n | " + " | ".join(f"{s} @{t:.2f}" for s, t in thetas) + " |"
    lines = [header, "|---|---|" + "---|" * len(thetas)]
    for kind in kinds:
        idx = [i for i, p in enumerate(pairs) if p["kind"] == kind]
        positive = pairs[idx[0]]["label"] == 1
        cells = []
        for scorer, t in thetas:
            hits = sum(scores[scorer][i] >= t for i in idx)
            cells.append(fmt(hits / len(idx)))
        lines.append(f"| {kind} ({'recall' if positive else 'FPR'}) | {len(idx)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(path: Path, sets, scores_by_set):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    colours = {"gavel": "#d62728", "rapidfuzz-jw": "#7f7f7f", "name-based": "#1f77b4", "logic-v2": "#2ca02c", "ofac": "#9467bd"}
    fig, axes = plt.subplots(1, 3, figsize=(16, 5.2))
    for ax, (key, title) in zip(axes[:2], [("ssb", "SSB OFAC perturbations"), ("opensanctions", "OpenSanctions judgement pairs")]):
        pairs = sets[key]
        for scorer in SCORERS:
            ms = [metrics(pairs, scores_by_set[key][scorer], t) for t in SWEEP]
            ax.plot(SWEEP, [m["recall"] for m in ms], color=colours[scorer], label=f"{scorer} recall")
            ax.plot(SWEEP, [m["precision"] for m in ms], color=colours[scorer], linestyle="--", label=f"{scorer} precision")
        ax.set_title(f"{title}: precision (dashed) and recall")
        ax.set_xlabel("threshold")
        ax.set_ylim(0, 1.02)
        ax.grid(alpha=0.3)
        for t in GAVEL_SHIPPED:
            ax.axvline(t, color="#d62728", alpha=0.25, linewidth=1)
    axes[0].legend(fontsize=7, ncol=2, loc="lower left")
    ax = axes[2]
    for scorer in SCORERS:
        ax.plot(SWEEP, [metrics(sets["ssb"], scores_by_set["ssb"][scorer], t)["fpr"] for t in SWEEP], color=colours[scorer], label=f"{scorer} SSB no_match")
        ax.plot(SWEEP, [metrics(sets["fca"], scores_by_set["fca"][scorer], t, grouped=True)["fpr"] for t in SWEEP], color=colours[scorer], linestyle=":", label=f"{scorer} FCA invented")
    ax.axhline(0.05, color="black", linewidth=1, alpha=0.5)
    ax.set_title("no-match false-positive rate (target ≤ 0.05)")
    ax.set_xlabel("threshold")
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="the shared lists folder (with quality/ and ofac/); default ../shared/data/lists or $GAVEL_QUALITY_DATA")
    parser.add_argument("--gavel", help="the gavel executable; default .build/release/gavel, else .build/debug/gavel")
    parser.add_argument("--docs", default=str(REPO / "docs"), help="where screening-quality.md and .png are written")
    parser.add_argument("--json", help="also write every figure as JSON here (outside the repository)")
    parser.add_argument("--skip", nargs="*", default=[], help="scorers to leave out (e.g. logic-v2 while iterating)")
    parser.add_argument("--cache", help="keep the Python scorers' scores in this file (outside the repository) and reuse them")
    args = parser.parse_args()

    data, files = locate(args)
    gavel = Path(args.gavel) if args.gavel else next(
        (p for p in [REPO / ".build" / "release" / "gavel", REPO / ".build" / "debug" / "gavel"] if p.is_file()), None
    )
    if gavel is None or not gavel.is_file():
        fail("no gavel executable: build one (`swift build -c release`) or give --gavel PATH")

    print("reading the sets …", file=sys.stderr)
    sdn = read_sdn(files["sdn"])
    sets = {"ssb": ssb_pairs(files["ssb"], sdn), "opensanctions": os_pairs(files["os"]), "fca": fca_pairs(files["fca"], sdn)}
    for key, pairs in sets.items():
        print(f"  {key}: {len(pairs)} pairs, {Counter(p['label'] for p in pairs)}", file=sys.stderr)

    cache = {}
    if args.cache and Path(args.cache).is_file():
        cache = json.loads(Path(args.cache).read_text())
    scores = {key: {} for key in sets}
    methods = {}
    speed = {}
    timing = {}
    for key, pairs in sets.items():
        print(f"scoring {key} …", file=sys.stderr)
        scores[key]["gavel"], methods[key], timing[key] = score_gavel(gavel, pairs)
        scores[key]["rapidfuzz-jw"], speed[(key, "rapidfuzz-jw")] = score_rapidfuzz(pairs)
        for name in ["name-based", "logic-v2", "ofac"]:
            if name in args.skip:
                scores[key][name] = [0.0] * len(pairs)
                continue
            kept = cache.get(f"{key}/{name}")
            if kept and len(kept["scores"]) == len(pairs):
                scores[key][name], speed[(key, name)] = kept["scores"], kept["us"]
                continue
            print(f"  nomenklatura {name} …", file=sys.stderr)
            scores[key][name], speed[(key, name)] = score_nomenklatura(name, pairs)
            cache[f"{key}/{name}"] = {"scores": scores[key][name], "us": speed[(key, name)]}
            if args.cache:
                Path(args.cache).write_text(json.dumps(cache))

    docs = Path(args.docs)
    plot(docs / "screening-quality.png", sets, scores)
    write_doc(docs / "screening-quality.md", sets, scores, methods, speed, timing, gavel)
    if args.json:
        out = {}
        for key, pairs in sets.items():
            out[key] = {s: [metrics(pairs, scores[key][s], t, grouped=key == "fca") for t in SWEEP] for s in SCORERS}
        out["timing"] = timing
        Path(args.json).write_text(json.dumps(out, indent=1))
    print(f"wrote {docs / 'screening-quality.md'} and {docs / 'screening-quality.png'}", file=sys.stderr)


def discussion() -> str:
    """The hand-written part of the page, kept beside the script."""
    path = Path(__file__).with_name("discussion.md")
    return path.read_text(encoding="utf-8").strip() if path.is_file() else "(no discussion.md)"


def write_doc(path, sets, scores, methods, speed, timing, gavel):
    ssb, osp, fca = sets["ssb"], sets["opensanctions"], sets["fca"]
    fca_names, fca_text = fca_table(fca, scores["fca"])
    kinds = by_kind(ssb, scores["ssb"], [("gavel", 0.90), ("gavel", 0.92), ("gavel", 1.0), ("rapidfuzz-jw", 0.92), ("name-based", 0.70), ("logic-v2", 0.70), ("ofac", 0.70)])
    ssb_methods = Counter(m for p, m, s in zip(ssb, methods["ssb"], scores["ssb"]["gavel"]) if s >= 0.90)
    us = {k: v for k, v in speed.items()}
    tpl = open(Path(__file__).with_name("report.md.in"), encoding="utf-8").read()
    text = tpl.format(
        ssb_n=len(ssb), ssb_pos=sum(p["label"] for p in ssb), ssb_neg=sum(1 - p["label"] for p in ssb),
        os_n=len(osp), os_pos=sum(p["label"] for p in osp), os_neg=sum(1 - p["label"] for p in osp),
        fca_names=fca_names, fca_pairs=len(fca), fca_k=FCA_CANDIDATES * 2,
        ssb_table=table("ssb", ssb, scores["ssb"]), os_table=table("opensanctions", osp, scores["opensanctions"]),
        fca_table=fca_text, kinds=kinds,
        methods=", ".join(f"`{m}` {n}" for m, n in ssb_methods.most_common()),
        gavel_us=timing["ssb"]["score_us_per_pair"], gavel_prepare=timing["ssb"]["prepare_query_us_per_name"],
        gavel_names=timing["ssb"]["entry_names_per_pair"],
        gavel_us_name=fmt(timing["ssb"]["score_us_per_pair"] / max(1e-9, timing["ssb"]["entry_names_per_pair"]), 2),
        gavel_us_os=timing["opensanctions"]["score_us_per_pair"], gavel_names_os=timing["opensanctions"]["entry_names_per_pair"],
        rf_us=fmt(us.get(("ssb", "rapidfuzz-jw")), 2), nb_us=fmt(us.get(("ssb", "name-based")), 0),
        lv_us=fmt(us.get(("ssb", "logic-v2")), 0), of_us=fmt(us.get(("ssb", "ofac")), 0),
        build="release" if "release" in str(gavel) else "debug",
        discussion=discussion(),
        date=time.strftime("%Y-%m-%d"),
    )
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
