#pragma once

// Shared by the transport fuzz targets: how the bytes of a stream arrive must never
// change what it means. `feed(input, nextPieceSize)` feeds `input` in pieces of the sizes
// nextPieceSize() returns and writes down everything it saw; this aborts unless feeding it
// whole, one byte at a time and in pseudo-random pieces (1..97 bytes, from an xorshift
// seeded by the input, so every input has its own split) writes down the same.

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <cstdlib>

template<typename Feed>
void requireSameResultHoweverSplit(const uint8_t *data, size_t size, Feed feed)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray whole = feed(input, [&] { return input.size(); });
    if (feed(input, [] { return qsizetype(1); }) != whole)
        std::abort();
    quint32 state = 2166136261u;
    for (size_t i = 0; i < size; ++i)
        state = (state ^ data[i]) * 16777619u;
    state |= 1;
    const QByteArray random = feed(input, [&] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return qsizetype(state % 97 + 1);
    });
    if (random != whole)
        std::abort();
}
