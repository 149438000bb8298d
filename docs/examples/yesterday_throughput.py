"""Print yesterday's throughput per station.

Usage:
    TRACETRACK_URL=http://127.0.0.1:8600 TRACETRACK_TOKEN=tt_... \
        python yesterday_throughput.py [--tz Asia/Kolkata]

The token can be a read-only one: ``tracetrack-server token add reports --read-only``.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("TRACETRACK_URL", "http://127.0.0.1:8600"))
    parser.add_argument("--token", default=os.environ.get("TRACETRACK_TOKEN", ""))
    parser.add_argument("--tz", default="Asia/Kolkata")
    args = parser.parse_args()
    yesterday = (datetime.now(ZoneInfo(args.tz)) - timedelta(days=1)).date().isoformat()
    response = requests.get(
        f"{args.url}/api/v1/stats/throughput",
        params={
            "bucket": "day",
            "by": "station",
            "from": yesterday,
            "to": yesterday,
            "tz": args.tz,
        },
        headers={"Authorization": f"Bearer {args.token}"},
        timeout=30,
    )
    if response.status_code != 200:
        print(
            f"error {response.status_code}: {response.json()['error']['message']}", file=sys.stderr
        )
        return 1
    print(f"{'station':<24} {'children':>9} {'parents':>8}   ({yesterday}, {args.tz})")
    for row in response.json():
        print(f"{row['key']:<24} {row['children_linked']:>9} {row['parents_completed']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
