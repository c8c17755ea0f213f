"""The peer side of `cargo xtask bench`: the same work done the way an analyst does it in Python
today, with CAMeL Tools for normalization and tokenization and NLTK's ConcordanceIndex for the
concordance. Prints one JSON object: timings (medians, seconds) and hit counts per corpus.

Usage: python peer.py NAME=DIR [NAME=DIR ...]   (every *.txt file of DIR is one document)
"""
import json
import re
import statistics
import sys
import time
from pathlib import Path

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_unicode,
)
from nltk.text import ConcordanceIndex

RUNS = 5


def normalize(text):
    # The closest CAMeL chain to siyaq's default `search` profile.
    return normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(text)))).replace("\u0640", "")


def timed(fn, runs=RUNS):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def build(texts):
    tokens = []
    for text in texts:
        tokens.extend(simple_word_tokenize(normalize(text)))
    return tokens, ConcordanceIndex(tokens, key=lambda t: t)


def first_lines(index, words, width=7, lines=100):
    """Total hits and the first 100 lines, for each of `words` (a phrase is a list of words)."""
    total, out = 0, []
    for word in words:
        found = index.find_concordance(word, width=80)
        total += len(found)
        out.extend(found[: max(0, lines - len(out))])
    return total, out


def queries(tokens, index):
    vocabulary = sorted(set(tokens))
    return {
        # NLTK has no clitics: an analyst searches the word as written.
        "clitic-word": lambda: first_lines(index, [normalize("كازاخستان")]),
        "phrase": lambda: first_lines(index, [[normalize("الأمن"), normalize("الجماعي")]]),
        # A prefix or a regex: find the matching words in the vocabulary, then their concordances.
        "prefix": lambda: first_lines(index, [w for w in vocabulary if w.startswith(normalize("كازاخ"))]),
        "regex": lambda: first_lines(index, [w for w in vocabulary if re.search(normalize("^روس"), w)]),
    }


def main():
    report = {}
    for arg in sys.argv[1:]:
        name, directory = arg.split("=", 1)
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(directory).glob("*.txt"))]
        size = sum(len(t.encode("utf-8")) for t in texts)
        runs = RUNS if size < 10_000_000 else 3
        normalize_time, _ = timed(lambda: [normalize(t) for t in texts], runs)
        build_time, (tokens, index) = timed(lambda: build(texts), runs)
        result = {
            "bytes": size,
            "normalize_seconds": normalize_time,
            "index_build_seconds": build_time,
            "queries": {},
        }
        for qname, run in queries(tokens, index).items():
            seconds, (total, _) = timed(run, runs)
            result["queries"][qname] = {"seconds": seconds, "hits": total}
        report[name] = result
    print(json.dumps(report))


if __name__ == "__main__":
    main()
