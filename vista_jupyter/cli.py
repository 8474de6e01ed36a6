"""The `jupyter vista` command: read files exactly as Vista does, from a terminal.

jupyter vista ingest FILE -o OUT.parquet    # or OUT.csv
jupyter vista profile FILE [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from .errors import VistaError


def _ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest_to_parquet

    out = Path(args.output)
    if out.suffix.lower() not in (".parquet", ".csv"):
        raise VistaError("The output must end in .parquet or .csv.")
    if out.suffix.lower() == ".parquet":
        result = ingest_to_parquet(Path(args.file), out)
    else:
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq

        with tempfile.TemporaryDirectory() as tmp:
            parquet = Path(tmp, "data.parquet")
            result = ingest_to_parquet(Path(args.file), parquet)
            source = pq.ParquetFile(parquet, pre_buffer=False)
            partial = out.with_name(out.name + ".partial")
            with pacsv.CSVWriter(partial, source.schema_arrow) as writer:
                for batch in source.iter_batches():
                    writer.write_batch(batch)
            partial.replace(out)
    print(f"{args.file}: {result.rows:,} rows x {len(result.columns)} columns -> {out}")
    for key, value in result.detected.items():
        print(f"  {key}: {value}")
    for warning in result.warnings:
        print(f"  note: {warning}")
    return 0


def _profile(args: argparse.Namespace) -> int:
    from .ingest import ingest_to_parquet
    from .profile import profile_parquet, summary_text

    with tempfile.TemporaryDirectory() as tmp:
        parquet = Path(tmp, "data.parquet")
        ingest_to_parquet(Path(args.file), parquet)
        profile = profile_parquet(parquet)
    if args.json:
        json.dump(profile, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(summary_text(Path(args.file).name, profile))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="jupyter vista", description="Vista for Jupyter tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="Read a data file as Vista does; write Parquet or CSV.")
    ingest.add_argument("file")
    ingest.add_argument("-o", "--output", required=True, help="OUT.parquet or OUT.csv")
    ingest.set_defaults(run=_ingest)
    profile = commands.add_parser("profile", help="Describe a data file as Vista's model sees it.")
    profile.add_argument("file")
    profile.add_argument("--json", action="store_true", help="the full profile as JSON")
    profile.set_defaults(run=_profile)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except VistaError as e:
        print(f"jupyter vista: {e.message}", file=sys.stderr)
        return 2
    except FileNotFoundError as e:
        print(f"jupyter vista: no such file: {e.filename}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("jupyter vista: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a defect of Vista's, not the user's: one line, never a traceback
        print(
            f"jupyter vista: {args.file} could not be read ({type(e).__name__}: {str(e)[:300]}). "
            "Please report this with the file if you can.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
