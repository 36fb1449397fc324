"""Renders offline (--sql) Alembic scripts for sqlgen's differential test (test-db/alembic-oracle.test.ts).

Reads one JSON document on stdin:
    {"projects": [{"dir": "/tmp/.../alembic", "requests": [{"command": "upgrade", "range": "base:heads"}, ...]}]}
A request may add "startingRows": the version rows the database holds when the range starts from
more than one revision (offline, "FROM:TO" names one); env.py passes them on as starting_rev.
and writes one JSON document on stdout, one result per request in the same order:
    {"projects": [[{"sql": "..."} | {"error": "RevisionError: ..."}, ...]]}

Everything runs in this one process: starting Python with SQLAlchemy costs far more than a render.
Only Alembic's public command API is used: command.upgrade / downgrade / stamp with sql=True.
"""
import io
import json
import logging
import sys
import warnings

from alembic import command
from alembic.config import Config

COMMANDS = {
    "upgrade": command.upgrade,
    "downgrade": command.downgrade,
    "stamp": command.stamp,
}


def render(project_dir, request):
    buffer = io.StringIO()
    config = Config(output_buffer=buffer)
    config.set_main_option("script_location", project_dir)
    if "startingRows" in request:
        config.attributes["sqlgen_starting_rows"] = tuple(request["startingRows"])
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            COMMANDS[request["command"]](config, request["range"], sql=True)
    except Exception as error:  # Alembic refusing a range is a result, not a crash
        return {"error": "%s: %s" % (type(error).__name__, error)}
    result = {"sql": buffer.getvalue()}
    if caught:
        result["warnings"] = [str(w.message) for w in caught]
    return result


def main():
    # Alembic logs "Running upgrade ..." at INFO; the script text is all we need.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    document = json.load(sys.stdin)
    results = [
        [render(project["dir"], request) for request in project["requests"]]
        for project in document["projects"]
    ]
    json.dump({"projects": results}, sys.stdout)


if __name__ == "__main__":
    main()
