#!/usr/bin/env python3
"""Counts the rows of an X window that carry something drawn (text, cards) below its header.

usage: busy_rows.py WINDOW_ID [TOP]
Prints how many pixel rows from TOP (default 130, below the header) to the bottom are not a
single flat colour. A screen that lists posts has many such rows; an empty one few. Reads the
window through libX11 (XGetImage) on $DISPLAY, so it needs no screenshot tool.
"""
import ctypes
import sys


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_ubyte)),
                ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                ("bits_per_pixel", ctypes.c_int)]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int)]
    _fields_ += [("pad", ctypes.c_byte * 256)]  # the rest of the struct, unused


def main():
    window = int(sys.argv[1])
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 130
    x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XGetImage.restype = ctypes.POINTER(XImage)
    x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                              ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XWindowAttributes)]
    display = x11.XOpenDisplay(None)
    if not display:
        sys.exit("busy_rows: cannot open the X display")
    attributes = XWindowAttributes()
    x11.XGetWindowAttributes(display, window, ctypes.byref(attributes))
    width, height = attributes.width, attributes.height
    image = x11.XGetImage(display, window, 0, 0, width, height, 0xFFFFFFFF, 2).contents  # ZPixmap
    step = image.bits_per_pixel // 8
    busy = 0
    for y in range(top, height):
        row = image.data[y * image.bytes_per_line: y * image.bytes_per_line + width * step]
        pixels = {bytes(row[i:i + 3]) for i in range(0, len(row), step)}
        busy += len(pixels) > 1
    print(busy)


if __name__ == "__main__":
    main()
