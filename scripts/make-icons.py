# Draws the console's icon (a white "M" on the accent square, as in the sidebar) as PNGs with the
# standard library only: app/favicon.ico (16, 32 and 48 px) and app/apple-icon.png (180 px), which
# Next serves at /favicon.ico and /apple-icon.png and links from every page; app/icon.svg is the
# same drawing by hand. Run: python3 scripts/make-icons.py
import struct, zlib

ACCENT = (0xE8, 0x48, 0x0C, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def inside_rounded(x, y, size, radius):
    cx = min(max(x, radius), size - 1 - radius)
    cy = min(max(y, radius), size - 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def on_m(x, y, size):
    # An "M" in a box from 25% to 75% of the icon: two posts and a V between them.
    u, v = x / size, y / size
    if not (0.24 <= u <= 0.76 and 0.26 <= v <= 0.74):
        return False
    stroke = 0.11
    if u <= 0.24 + stroke or u >= 0.76 - stroke:
        return True
    # The V reaches the middle at 62% height.
    t = (v - 0.26) / (0.62 - 0.26)
    if t > 1:
        return False
    left = 0.24 + t * (0.50 - 0.24)
    right = 0.76 - t * (0.76 - 0.50)
    return abs(u - left) <= stroke * 0.6 or abs(u - right) <= stroke * 0.6


def pixels(size):
    rows = []
    radius = size * 0.2
    for y in range(size):
        row = []
        for x in range(size):
            if not inside_rounded(x + 0.5, y + 0.5, size, radius):
                row.append(CLEAR)
            elif on_m(x + 0.5, y + 0.5, size):
                row.append(WHITE)
            else:
                row.append(ACCENT)
        rows.append(row)
    return rows


def png(size):
    raw = b"".join(b"\0" + b"".join(bytes(p) for p in row) for row in pixels(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def ico(images):
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, blob in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        data += blob
    return header + entries + data


if __name__ == "__main__":
    with open("app/favicon.ico", "wb") as f:
        f.write(ico([(16, png(16)), (32, png(32)), (48, png(48))]))
    with open("app/apple-icon.png", "wb") as f:
        f.write(png(180))
