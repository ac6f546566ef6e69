#!/usr/bin/env python3
"""Fails on any function longer than 80 lines (first to last line) in app/ and platform/, and
on any file there over 300 lines without a `[SECTION]` index in its first 30 lines.

A function is a brace block at namespace or class scope whose header has a parameter list; it
is counted from its header's first line (template line included) to its closing brace, lambdas
and nested blocks inside it included. Comments, strings and raw strings are blanked first, so
braces inside them do not count. Initialiser lists (`a_{x}`) join the constructor they belong
to; brace initialisers of variables (`= {`) are data, not functions.

usage: function_length_check.py SOURCE_DIR [--max N]
Files under an entry of EXCLUDED are skipped (work in progress elsewhere; empty it when done).
"""
import pathlib
import re
import sys

MAX_LINES = 80
INDEXED_FILE_LINES = 300
ROOTS = ("app", "platform")
# The PHI detectors are being split into one function per pass; the lead empties this list
# when that lands.
EXCLUDED = ("app/core/privacy/phi/",)


def blank_literals(text):
    """Comments, string and char literals (raw strings too) become spaces; newlines stay."""
    out, i, n = [], 0, len(text)
    keep = lambda s: re.sub(r"[^\n]", " ", s)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(keep(text[i:j])); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(keep(text[i:j])); i = j
        elif c == "R" and i + 1 < n and text[i + 1] == '"' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c); i += 1; continue
            end = text.find(")" + m.group(1) + '"', i + m.end())
            end = n if end < 0 else end + len(m.group(1)) + 2
            out.append(keep(text[i:end])); i = end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + keep(text[i + 1:j]) + (c if j < n else "")); i = j + 1
        elif c == "#" and (i == 0 or text[i - 1] == "\n"):
            j = i
            while True:  # a preprocessor line, with its continuations
                k = text.find("\n", j)
                if k < 0:
                    k = n
                    break
                if text[k - 1] != "\\":
                    break
                j = k + 1
            out.append(keep(text[i:k])); i = k
        else:
            out.append(c); i += 1
    return "".join(out)


CONTAINER = re.compile(r"\b(namespace|class|struct|union|enum)\b")


def functions(text):
    """(name, first line, last line) of every function definition in the source text."""
    code = blank_literals(text)
    line_of = lambda pos: code.count("\n", 0, pos) + 1
    found, stack, header_start, pending = [], [], 0, None
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if c in ";}" and (not stack or stack[-1] == "container"):
            if c == "}" and stack:
                stack.pop()
            header_start = i + 1
        elif c == "{" and (not stack or stack[-1] == "container"):
            header = code[header_start:i]
            stripped = re.sub(r"^\s*((public|private|protected)\s*:)?\s*", "", header)
            first = header_start + (len(header) - len(header.lstrip()))
            first += len(header.lstrip()) - len(stripped) if stripped else 0
            if CONTAINER.search(stripped) and "(" not in stripped.split("{")[0].split(":")[0]:
                stack.append("container"); header_start = i + 1
            elif re.search(r"=\s*$", stripped) or ")" not in stripped and pending is None:
                i = skip_block(code, i); header_start = i + 1  # data, or a block we cannot name
            else:
                start = pending if pending is not None else first
                end = skip_block(code, i)
                after = code[end + 1:].lstrip()[:1]
                if after in (",", "{"):  # a brace initialiser of a constructor's member
                    pending = start
                else:
                    name = re.findall(r"([~\w:]+)\s*\(", code[start:i])
                    found.append((name[0] if name else "?", line_of(start), line_of(end)))
                    pending = None
                    header_start = end + 1
                i = end
        i += 1
    return found


def skip_block(code, i):
    """Position of the brace matching the one at i."""
    depth = 0
    for j in range(i, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code) - 1


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    root = pathlib.Path(args[0])
    limit = int(args[args.index("--max") + 1]) if "--max" in args else MAX_LINES
    too_long = []
    for top in ROOTS:
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.suffix not in (".cpp", ".h") or rel.startswith(EXCLUDED):
                continue
            text = path.read_text(encoding="utf-8")
            lines = text.count("\n")
            if lines > INDEXED_FILE_LINES and "[SECTION]" not in "\n".join(text.splitlines()[:30]):
                too_long.append(f"{rel}: {lines} lines and no [SECTION] index at the top")
            for name, first, last in functions(text):
                if last - first + 1 > limit:
                    too_long.append(f"{rel}:{first}: {name} is {last - first + 1} lines (limit {limit})")
    for line in too_long:
        print(line)
    if too_long:
        print(f"{len(too_long)} problem(s): split functions over {limit} lines (one job each); "
              f"index files over {INDEXED_FILE_LINES} lines with // [SECTION] lines at the top")
        return 1
    print(f"no function over {limit} lines in {', '.join(ROOTS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
