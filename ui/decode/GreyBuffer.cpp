#include "decode/GreyBuffer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace paydesk::decode {

namespace {

GreyBuffer sized(int widthPx, int heightPx)
{
    GreyBuffer b;
    b.widthPx = widthPx;
    b.heightPx = heightPx;
    b.pixels.resize(size_t(widthPx) * size_t(heightPx));
    return b;
}

const uchar* sourceLine(const uchar* data, int y, int bytesPerLine)
{
    return data + qsizetype(y) * bytesPerLine;
}

} // namespace

GreyBuffer GreyBuffer::copyOf(const uchar* data, int widthPx, int heightPx, int bytesPerLine)
{
    GreyBuffer b = sized(widthPx, heightPx);
    for (int y = 0; y < heightPx; ++y)
        std::copy_n(sourceLine(data, y, bytesPerLine), widthPx, b.line(y));
    return b;
}

GreyBuffer GreyBuffer::negativeOf(const uchar* data, int widthPx, int heightPx, int bytesPerLine)
{
    GreyBuffer b = sized(widthPx, heightPx);
    for (int y = 0; y < heightPx; ++y) {
        const uchar* src = sourceLine(data, y, bytesPerLine);
        uchar* dst = b.line(y);
        for (int x = 0; x < widthPx; ++x)
            dst[x] = uchar(255 - src[x]);
    }
    return b;
}

GreyBuffer GreyBuffer::stretchedAcross(const uchar* data, int widthPx, int heightPx,
                                       int bytesPerLine)
{
    GreyBuffer b = sized(2 * widthPx, heightPx);
    for (int y = 0; y < heightPx; ++y) {
        const uchar* src = sourceLine(data, y, bytesPerLine);
        uchar* dst = b.line(y);
        for (int x = 0; x + 1 < widthPx; ++x) {
            dst[2 * x] = src[x];
            dst[2 * x + 1] = uchar((src[x] + src[x + 1] + 1) / 2);
        }
        dst[2 * widthPx - 2] = dst[2 * widthPx - 1] = src[widthPx - 1];
    }
    return b;
}

GreyBuffer GreyBuffer::stretchedDown(const uchar* data, int widthPx, int heightPx, int bytesPerLine)
{
    GreyBuffer b = sized(widthPx, 2 * heightPx);
    for (int y = 0; y < heightPx; ++y) {
        const uchar* src = sourceLine(data, y, bytesPerLine);
        const uchar* next = sourceLine(data, qMin(y + 1, heightPx - 1), bytesPerLine);
        std::copy_n(src, widthPx, b.line(2 * y));
        uchar* between = b.line(2 * y + 1);
        for (int x = 0; x < widthPx; ++x)
            between[x] = uchar((src[x] + next[x] + 1) / 2);
    }
    return b;
}

GreyBuffer GreyBuffer::locallyThresholded(const GreyBuffer& grey, int windowPx, bool lightOnDark)
{
    return locallyThresholded(grey.pixels.data(), grey.widthPx, grey.heightPx, grey.widthPx,
                              windowPx, lightOnDark);
}

GreyBuffer GreyBuffer::locallyThresholded(const uchar* data, int widthPx, int heightPx,
                                          int bytesPerLine, int windowPx, bool lightOnDark)
{
    // Statistics are kept per block of 8x8 pixels and summed over the blocks
    // of the window around each block (as ZXing's own local binarizer does
    // for matrix codes): a few operations per pixel instead of a window each.
    constexpr int kBlockPx = 8;
    // A window whose spread is below this is flat (sensor noise on a screen
    // or the counter): background, never bars.
    constexpr double kFlatSpreadLevels = 4;
    // A pixel must lie this fraction of the spread beyond the mean: the
    // noise just outside a barcode stays white.
    constexpr double kSpreadFraction = 0.1;

    const int blocksX = (widthPx + kBlockPx - 1) / kBlockPx;
    const int blocksY = (heightPx + kBlockPx - 1) / kBlockPx;
    // Sums per block, then integral images over the block grid.
    const int stride = blocksX + 1;
    std::vector<quint64> sums(size_t(stride) * size_t(blocksY + 1), 0);
    std::vector<quint64> squares(sums.size(), 0);
    std::vector<quint32> rowSum(static_cast<size_t>(blocksX));
    std::vector<quint32> rowSquares(static_cast<size_t>(blocksX));
    for (int by = 0; by < blocksY; ++by) {
        std::fill(rowSum.begin(), rowSum.end(), 0);
        std::fill(rowSquares.begin(), rowSquares.end(), 0);
        for (int y = by * kBlockPx; y < qMin(heightPx, (by + 1) * kBlockPx); ++y) {
            const uchar* src = sourceLine(data, y, bytesPerLine);
            for (int bx = 0; bx < blocksX; ++bx) {
                const int x0 = bx * kBlockPx;
                const int x1 = qMin(widthPx, x0 + kBlockPx);
                quint32 sum = 0;
                quint32 sq = 0;
                for (int x = x0; x < x1; ++x) {
                    sum += src[x];
                    sq += quint32(src[x]) * src[x];
                }
                rowSum[size_t(bx)] += sum;
                rowSquares[size_t(bx)] += sq;
            }
        }
        const size_t above = size_t(by) * size_t(stride);
        const size_t row = above + size_t(stride);
        quint64 acc = 0;
        quint64 acc2 = 0;
        for (int bx = 0; bx < blocksX; ++bx) {
            acc += rowSum[size_t(bx)];
            acc2 += rowSquares[size_t(bx)];
            sums[row + size_t(bx) + 1] = sums[above + size_t(bx) + 1] + acc;
            squares[row + size_t(bx) + 1] = squares[above + size_t(bx) + 1] + acc2;
        }
    }
    // Per block, the threshold for the sharpened value 6p - (sum of the four
    // neighbours), i.e. twice (3p - 2 * their mean); flat blocks get none.
    constexpr int kNoBars = std::numeric_limits<int>::min();
    std::vector<int> thresholds(size_t(blocksX) * size_t(blocksY));
    const int reach = qMax(1, windowPx / kBlockPx / 2);
    for (int by = 0; by < blocksY; ++by) {
        const int by0 = qMax(0, by - reach);
        const int by1 = qMin(blocksY, by + reach + 1);
        const double heightInPx = qMin(heightPx, by1 * kBlockPx) - by0 * kBlockPx;
        for (int bx = 0; bx < blocksX; ++bx) {
            const int bx0 = qMax(0, bx - reach);
            const int bx1 = qMin(blocksX, bx + reach + 1);
            const double area = (qMin(widthPx, bx1 * kBlockPx) - bx0 * kBlockPx) * heightInPx;
            auto boxOf = [&](const std::vector<quint64>& v) {
                return double(v[size_t(by1) * size_t(stride) + size_t(bx1)] -
                              v[size_t(by1) * size_t(stride) + size_t(bx0)] -
                              v[size_t(by0) * size_t(stride) + size_t(bx1)] +
                              v[size_t(by0) * size_t(stride) + size_t(bx0)]);
            };
            const double mean = boxOf(sums) / area;
            const double spread = std::sqrt(qMax(0.0, boxOf(squares) / area - mean * mean));
            int& t = thresholds[size_t(by) * size_t(blocksX) + size_t(bx)];
            if (spread < kFlatSpreadLevels)
                t = kNoBars;
            else
                t = int(std::lround(2 * (lightOnDark ? mean + kSpreadFraction * spread
                                                     : mean - kSpreadFraction * spread)));
        }
    }
    GreyBuffer b = sized(widthPx, heightPx);
    for (int y = 0; y < heightPx; ++y) {
        const uchar* up = sourceLine(data, qMax(0, y - 1), bytesPerLine);
        const uchar* src = sourceLine(data, y, bytesPerLine);
        const uchar* down = sourceLine(data, qMin(heightPx - 1, y + 1), bytesPerLine);
        const int* rowThresholds = thresholds.data() + size_t(y / kBlockPx) * size_t(blocksX);
        uchar* dst = b.line(y);
        for (int bx = 0; bx < blocksX; ++bx) {
            const int t = rowThresholds[bx];
            const int x0 = bx * kBlockPx;
            const int x1 = qMin(widthPx, x0 + kBlockPx);
            if (t == kNoBars) {
                std::fill(dst + x0, dst + x1, uchar(255));
                continue;
            }
            for (int x = x0; x < x1; ++x) {
                const int left = src[x > 0 ? x - 1 : x];
                const int right = src[x + 1 < widthPx ? x + 1 : x];
                // Sharpened against its four neighbours, as a camera's blur
                // greys the one-module spaces between bars.
                const int sharp2 = 6 * src[x] - (left + right + up[x] + down[x]);
                dst[x] = (lightOnDark ? sharp2 > t : sharp2 < t) ? 0 : 255;
            }
        }
    }
    return b;
}

} // namespace paydesk::decode
