#!/usr/bin/env python3
"""Fails when any file of app/ui reaches SQLite, curl or GLFW through any chain of includes.

Screens draw from a snapshot and emit actions; the build keeps SQLiteCpp private to core and
curl private to sync, but only the preprocessor sees every chain of includes. Each app/ui
file is preprocessed (g++ -E -H) with the flags the build gives the ui target, and any
header matching a forbidden pattern is reported with the chain that reached it.

usage: ui_includes_check.py BUILD_DIR/compile_commands.json SOURCE_DIR/app/ui
"""
import json
import pathlib
import re
import shlex
import subprocess
import sys

FORBIDDEN = re.compile(r"(SQLiteCpp/|/sqlite3\.h$|/curl/|/GLFW/)")


def ui_flags(commands, ui_dir):
    """The compile flags of one app/ui source, without its input and output."""
    for entry in commands:
        if pathlib.Path(entry["file"]).resolve().parent == ui_dir:
            args = entry.get("arguments") or shlex.split(entry["command"])
            flags, skip = [], False
            for arg in args[1:]:
                if skip:
                    skip = False
                elif arg in ("-o", "-c", "-MF", "-MT", "-MQ"):
                    skip = arg != "-c"
                elif arg in ("-MD", "-MMD") or arg == entry["file"]:
                    continue
                else:
                    flags.append(arg)
            return args[0], flags, entry["directory"]
    sys.exit(f"no compile command for a file in {ui_dir}: configure the build first")


def chains_to_forbidden(compiler, flags, directory, source):
    """Every forbidden header the file reaches, each with its include chain."""
    cmd = [compiler, *flags, "-w", "-x", "c++", "-E", "-H", "-o", "/dev/null", str(source)]
    run = subprocess.run(cmd, cwd=directory, capture_output=True, text=True)
    if run.returncode != 0:
        return [f"does not preprocess:\n{run.stderr.strip()}"]
    found, stack = [], []
    for line in run.stderr.splitlines():
        match = re.match(r"^(\.+) (.+)$", line)
        if not match:
            continue
        depth, header = len(match.group(1)), match.group(2)
        del stack[depth - 1:]
        stack.append(header)
        if FORBIDDEN.search(header):
            found.append(" -> ".join([source.name, *stack]))
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    commands = json.loads(pathlib.Path(sys.argv[1]).read_text())
    ui_dir = pathlib.Path(sys.argv[2]).resolve()
    compiler, flags, directory = ui_flags(commands, ui_dir)
    sources = sorted(p for p in ui_dir.rglob("*") if p.suffix in (".h", ".cpp"))
    failures = 0
    for source in sources:
        for chain in chains_to_forbidden(compiler, flags, directory, source):
            print(f"{source.relative_to(ui_dir.parent.parent)}: {chain}")
            failures += 1
    if failures:
        print(f"{failures} forbidden include chain(s): app/ui must not reach SQLite, curl or GLFW")
        return 1
    print(f"{len(sources)} files of app/ui checked: none reaches SQLite, curl or GLFW")
    return 0


if __name__ == "__main__":
    sys.exit(main())
