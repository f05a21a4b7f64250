#pragma once

#include <QtGlobal>

#include <vector>

namespace paydesk::decode {

// An 8-bit grey image the decoder owns: the pixels a pass reads when they
// differ from the caller's (a negative, a stretched copy, a copy with a code
// already read painted over).
struct GreyBuffer
{
    std::vector<uchar> pixels;
    int widthPx = 0;
    int heightPx = 0;

    static GreyBuffer copyOf(const uchar* data, int widthPx, int heightPx, int bytesPerLine);
    static GreyBuffer negativeOf(const uchar* data, int widthPx, int heightPx, int bytesPerLine);
    // Twice as wide (across) or twice as tall (down), each new pixel halfway
    // between its neighbours: a thin bar's edges land between whole pixels
    // instead of being rounded to one.
    static GreyBuffer stretchedAcross(const uchar* data, int widthPx, int heightPx,
                                      int bytesPerLine);
    static GreyBuffer stretchedDown(const uchar* data, int widthPx, int heightPx, int bytesPerLine);

    // Bars as black (0) and white (255): black where a pixel, sharpened, is
    // darker than the mean of the `windowPx` square around it by a tenth of
    // the square's spread (lighter, for light-on-dark). Each bar is measured
    // against its own surroundings: ZXing 1.4 thresholds barcodes per row
    // from the whole row's histogram, which the phone's dark bezel, the
    // counter beside it or a reflection pull away from the bars' own level.
    static GreyBuffer locallyThresholded(const GreyBuffer& grey, int windowPx, bool lightOnDark);
    static GreyBuffer locallyThresholded(const uchar* data, int widthPx, int heightPx,
                                         int bytesPerLine, int windowPx, bool lightOnDark);

    uchar* line(int y) { return pixels.data() + size_t(y) * size_t(widthPx); }
    const uchar* line(int y) const { return pixels.data() + size_t(y) * size_t(widthPx); }
};

} // namespace paydesk::decode
