"""Generate the station's feedback sounds as short 16-bit mono WAV files (stdlib only).

Run ``python resources/sounds/make_sounds.py`` to rewrite them. Each kind gets a shape an
operator can tell apart without looking: a rising pair for a parent, one short blip for a
child, a three-note fanfare for a completed parent, a soft double tick for a duplicate, and a
low buzz for an error.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
VOLUME = 0.45

# (frequency Hz, duration s, square wave?) per note; 0 Hz is silence
SOUNDS: dict[str, list[tuple[float, float, bool]]] = {
    "parent": [(660.0, 0.08, False), (0.0, 0.02, False), (990.0, 0.12, False)],
    "child": [(1320.0, 0.06, False)],
    "complete": [(784.0, 0.09, False), (988.0, 0.09, False), (1319.0, 0.22, False)],
    "duplicate": [(520.0, 0.04, False), (0.0, 0.05, False), (520.0, 0.04, False)],
    "error": [(180.0, 0.45, True)],
    "info": [(880.0, 0.05, False)],
}


def _samples(notes: list[tuple[float, float, bool]]) -> bytes:
    frames = bytearray()
    for freq, seconds, square in notes:
        count = int(RATE * seconds)
        fade = max(1, int(RATE * 0.005))  # 5 ms ramps avoid clicks
        for i in range(count):
            if freq == 0.0:
                value = 0.0
            else:
                phase = math.sin(2 * math.pi * freq * i / RATE)
                value = (1.0 if phase >= 0 else -1.0) * 0.6 if square else phase
            ramp = min(1.0, i / fade, (count - i) / fade)
            frames += struct.pack("<h", int(value * ramp * VOLUME * 32767))
    return bytes(frames)


def main() -> None:
    """Write one WAV per feedback kind next to this script."""
    here = Path(__file__).resolve().parent
    for name, notes in SOUNDS.items():
        with wave.open(str(here / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(_samples(notes))


if __name__ == "__main__":
    main()
