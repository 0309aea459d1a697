#!/usr/bin/env python3
"""Golden fixtures for the .npy and .npz readers, written by numpy itself: every element type
and byte order the reader accepts, a Fortran-order array, and an np.savez_compressed archive
whose large array is deflated with dynamic Huffman blocks (its small one with fixed ones).

Run with the machine's python3 (numpy installed):  python3 scripts/references/numpy_fixtures.py
Writes Tests/TDAKitTests/Fixtures/records/numpy_*.npy, numpy_compressed.npz, numpy_stored.npz
(the same arrays with np.savez) and numpy_expected.json: each array's shape and its values as
float64 bit patterns in hex (exact, as numpy's astype(float64) gives them). For the large
array, the first row and the CRC-32 of all its values as little-endian float64 stand in for
the 15 000 values, which numpy_stored.npz holds in full.
"""
import json
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[2] / "Tests/TDAKitTests/Fixtures/records"


def bits(values):
    """Float64 bit patterns in hex, row-major."""
    return [f"{struct.unpack('<Q', struct.pack('<d', float(x)))[0]:016x}"
            for x in np.asarray(values, dtype=np.float64).reshape(-1)]


def entry(array):
    return {"shape": list(array.shape), "descr": array.dtype.str, "bits": bits(array)}


rng = np.random.default_rng(20240611)
cloud = np.round(rng.standard_normal((24, 3)), 6)
half = np.array([2.0 ** -20, 6e-8, 0.1, -2.5, 65504.0, 1 / 3], dtype=np.float16)
arrays = {
    "numpy_c_order.npy": cloud,
    "numpy_fortran.npy": np.asfortranarray(cloud),
    "numpy_float32.npy": np.array([[0.1, -1.5], [3.25, 1e-40]], dtype=np.float32),
    "numpy_float16.npy": half,
    "numpy_int8.npy": np.array([[-128, -1], [0, 127]], dtype=np.int8),
    "numpy_int16.npy": np.array([-32768, 0, 32767], dtype=np.int16),
    "numpy_uint16.npy": np.array([0, 1, 65535], dtype=np.uint16),
    "numpy_uint32.npy": np.array([0, 4294967295], dtype=np.uint32),
    "numpy_int64.npy": np.array([-(2 ** 53), 2 ** 53 + 1, -1, 0], dtype=np.int64),
    "numpy_bool.npy": np.array([[True, False], [False, True]]),
    "numpy_big_endian_f8.npy": cloud[:4].astype(">f8"),
    "numpy_big_endian_i2.npy": np.array([-2, 513], dtype=">i2"),
}
assert arrays["numpy_fortran.npy"].flags.f_contiguous and not arrays["numpy_fortran.npy"].flags.c_contiguous
expected = {"producer": f"scripts/references/numpy_fixtures.py with numpy {np.__version__}", "npy": {}}
for name, array in arrays.items():
    np.save(OUT / name, array)
    expected["npy"][name] = entry(array)
    expected["npy"][name]["fortran_order"] = bool(array.flags.f_contiguous and array.ndim > 1)

large = rng.standard_normal((300, 50))
small = np.array([[1.5, -2.0, 0.25], [7.0, 8.5, -9.75]])
np.savez_compressed(OUT / "numpy_compressed.npz", large=large, small=small)
np.savez(OUT / "numpy_stored.npz", large=large, small=small)
expected["npz"] = {
    "small": entry(small),
    "large": {"shape": list(large.shape), "first_row_bits": bits(large[0]),
              "crc32_of_values": zlib.crc32(large.astype("<f8").tobytes())},
}

# The block type of each entry's first DEFLATE block (bits 1-2 of its first byte).
with zipfile.ZipFile(OUT / "numpy_compressed.npz") as archive, open(OUT / "numpy_compressed.npz", "rb") as raw:
    for info in archive.infolist():
        raw.seek(info.header_offset + 26)
        name_length, extra_length = struct.unpack("<HH", raw.read(4))
        raw.seek(info.header_offset + 30 + name_length + extra_length)
        block_type = raw.read(1)[0] >> 1 & 3
        expected["npz"][info.filename.removesuffix(".npy")]["first_block_type"] = block_type
        print(f"{info.filename}: {info.compress_size} bytes deflated from {info.file_size}, first block type {block_type}")
assert expected["npz"]["large"]["first_block_type"] == 2, "the large array should use dynamic Huffman blocks"

(OUT / "numpy_expected.json").write_text(json.dumps(expected, indent=1) + "\n")
print(f"wrote {len(arrays)} .npy files, two .npz archives and numpy_expected.json to {OUT} with numpy {np.__version__}")
