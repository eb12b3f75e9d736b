"""Validates .devcontainer/devcontainer.json against the published dev container schema, with Debian's python3-jsonschema.

    validate_devcontainer.py DEVCONTAINER_JSON SCHEMA_FOLDER

SCHEMA_FOLDER holds the published files, as they are (never committed here: they are the spec's, not ours):
devContainer.schema.json and devContainer.base.schema.json from github.com/devcontainers/spec (schemas/), and
devContainer.codespaces.schema.json and devContainer.vscode.schema.json from github.com/microsoft/vscode
(extensions/configuration-editing/schemas/), which devContainer.schema.json references by URL. Those URLs are
answered from the folder, so nothing is downloaded.

devcontainer.json is JSON with comments (JSONC), as VS Code reads it: comments are removed outside strings first.
Exit codes: 0 valid, 1 invalid (each error printed with its path), 2 bad usage or a missing schema file.
"""

import json
import os
import sys


def strip_comments(text):
    """JSONC to JSON: // and /* */ comments outside strings become spaces; trailing commas are not accepted."""
    out, i, n, in_string = [], 0, len(text), False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    config_path, folder = sys.argv[1], sys.argv[2]
    names = ["devContainer.schema.json", "devContainer.base.schema.json",
             "devContainer.codespaces.schema.json", "devContainer.vscode.schema.json"]
    missing = [name for name in names if not os.path.isfile(os.path.join(folder, name))]
    if missing:
        print(f"missing in {folder}: {', '.join(missing)}", file=sys.stderr)
        return 2

    import jsonschema

    schemas = {name: json.load(open(os.path.join(folder, name), encoding="utf-8")) for name in names}
    # The URLs devContainer.schema.json names, answered from the folder.
    vscode = "https://raw.githubusercontent.com/microsoft/vscode/main/extensions/configuration-editing/schemas/"
    spec = "https://raw.githubusercontent.com/devcontainers/spec/main/schemas/"
    store = {}
    for name, schema in schemas.items():
        store[(vscode if "codespaces" in name or "vscode" in name else spec) + name] = schema
        store[name] = schema
    root = schemas["devContainer.schema.json"]
    resolver = jsonschema.RefResolver(base_uri=spec + "devContainer.schema.json", referrer=root, store=store)
    config = json.loads(strip_comments(open(config_path, encoding="utf-8").read()))
    validator = jsonschema.Draft201909Validator(root, resolver=resolver)
    errors = sorted(validator.iter_errors(config), key=lambda e: list(e.absolute_path))
    for error in errors:
        print(f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}")
    if not errors:
        print(f"{config_path}: valid against {spec}devContainer.schema.json")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
