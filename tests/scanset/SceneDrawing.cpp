// How a scene is drawn: a counter with clutter, the customer's phone showing
// its payment code, and what the condition adds (a product label, the shop's
// sticker, a reflection). Sizes are those of a 1280x720 camera looking down
// at a counter from about 40 cm.
#include "Scene.h"

#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QTransform>

#include <cmath>

namespace paydesk::scanset {

namespace {

constexpr int kFrameWidthPx = 1280;
constexpr int kFrameHeightPx = 720;

class Dice
{
public:
    explicit Dice(quint32 seed) : m_rng(seed) {}
    double real(double lo, double hi) { return lo + (hi - lo) * m_rng.generateDouble(); }
    int integer(int lo, int hi) { return lo + int(m_rng.bounded(hi - lo + 1)); }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    QString digits(int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QChar(u'0' + m_rng.bounded(10));
        return s;
    }

private:
    QRandomGenerator m_rng;
};

QColor grey(int v)
{
    v = qBound(0, v, 255);
    return QColor(v, v, v);
}

// The symbol in its two tones at a whole number of pixels per module; the
// painter then scales it by less than 1.5 to the wanted module size, so the
// smoothing looks like a lens and not like a stretched thumbnail.
QImage tonedSymbol(const QImage& symbol, int scale, int darkTone, int lightTone)
{
    QImage out(symbol.width() * scale, symbol.height() * scale, QImage::Format_RGB32);
    for (int y = 0; y < out.height(); ++y) {
        const uchar* src = symbol.constScanLine(y / scale);
        auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const int v = src[x / scale] == 0 ? darkTone : lightTone;
            dst[x] = qRgb(v, v, v);
        }
    }
    return out;
}

QSizeF symbolSizePx(const QImage& symbol, double modulePx)
{
    return QSizeF(symbol.width() * modulePx, symbol.height() * modulePx);
}

// Draws the symbol centred on the painter's origin.
void drawSymbolAt(QPainter& p, const QImage& symbol, double modulePx, int darkTone, int lightTone)
{
    const int scale = qMax(1, int(std::lround(modulePx)));
    const QSizeF size = symbolSizePx(symbol, modulePx);
    p.drawImage(QRectF(QPointF(-size.width() / 2, -size.height() / 2), size),
                tonedSymbol(symbol, scale, darkTone, lightTone));
}

void drawTextLine(QPainter& p, const QPointF& at, int pixelSize, int tone, const QString& text)
{
    QFont f = p.font();
    f.setPixelSize(qMax(6, pixelSize));
    p.setFont(f);
    p.setPen(grey(tone));
    p.drawText(at, text);
}

void drawCounter(QPainter& p, Dice& d)
{
    const int tone = d.integer(105, 185);
    QLinearGradient light(d.real(0, kFrameWidthPx), 0, d.real(0, kFrameWidthPx), kFrameHeightPx);
    light.setColorAt(0, grey(tone + 30));
    light.setColorAt(1, grey(tone - 30));
    p.fillRect(0, 0, kFrameWidthPx, kFrameHeightPx, light);
    const int items = d.integer(7, 13);
    for (int i = 0; i < items; ++i) {
        p.save();
        p.translate(d.real(0, kFrameWidthPx), d.real(0, kFrameHeightPx));
        p.rotate(d.real(-35, 35));
        switch (d.integer(0, 3)) {
        case 0: { // a receipt
            const double w = d.real(110, 240);
            const double h = d.real(180, 380);
            p.fillRect(QRectF(-w / 2, -h / 2, w, h), grey(d.integer(215, 250)));
            const int size = d.integer(10, 15);
            for (double y = -h / 2 + 20; y < h / 2 - 8; y += size * 1.5)
                drawTextLine(
                    p, QPointF(-w / 2 + 8, y), size, d.integer(20, 70),
                    QStringLiteral("Item %1  %2.%3").arg(d.digits(3), d.digits(2), d.digits(2)));
            break;
        }
        case 1: // a box, a wallet, a hand
            p.setPen(Qt::NoPen);
            p.setBrush(grey(d.integer(15, 95)));
            if (d.chance(0.5))
                p.drawRoundedRect(QRectF(-80, -50, d.real(80, 260), d.real(60, 200)), 12, 12);
            else
                p.drawEllipse(QPointF(0, 0), d.real(30, 120), d.real(30, 90));
            break;
        case 2: // a price card
            drawTextLine(p, QPointF(0, 0), d.integer(18, 44), d.integer(10, 80),
                         QStringLiteral("¥%1.%2").arg(d.integer(1, 999)).arg(d.digits(2)));
            break;
        default: // a cable
            p.setPen(QPen(grey(d.integer(10, 60)), d.real(3, 10), Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(-d.real(50, 300), 0), QPointF(d.real(50, 300), d.real(-60, 60)));
            break;
        }
        p.restore();
    }
}

struct Placement
{
    QPointF centre;
    double angleDeg = 0;
};

// Where the code's box fits whole in the frame (the phone around it may not).
QPointF placeWithin(Dice& d, const QSizeF& size, double angleDeg, double xLo, double xHi)
{
    const QRectF box = QTransform().rotate(angleDeg).mapRect(
        QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height()));
    const double margin = 12;
    const double x0 = qMax(xLo, -box.left() + margin);
    const double x1 = qMin(xHi, kFrameWidthPx - box.right() - margin);
    const double y0 = -box.top() + margin;
    const double y1 = kFrameHeightPx - box.bottom() - margin;
    return QPointF(x1 > x0 ? d.real(x0, x1) : (x0 + x1) / 2,
                   y1 > y0 ? d.real(y0, y1) : (y0 + y1) / 2);
}

struct PhoneLook
{
    double modulePx = 4;
    bool darkMode = false;
    bool glare = false;
};

// The customer's phone: body, screen, the wallet's header and the code with
// its caption, as payment screens show them. Returns the body's outline in
// frame coordinates, so neighbours can keep clear of it.
QPolygonF drawPhone(QPainter& p, Dice& d, const QImage& symbol, bool matrix, const Placement& at,
                    const PhoneLook& look, const QString& code)
{
    const QSizeF codePx = symbolSizePx(symbol, look.modulePx);
    const double screenW = codePx.width() * (matrix ? d.real(1.5, 1.8) : d.real(1.08, 1.18));
    const double screenH = qMax(codePx.height() * 2.6, screenW * 1.9);
    const double bezel = d.real(6, 14);
    const int screenTone = look.darkMode ? d.integer(14, 34) : d.integer(215, 252);
    const int inkTone = look.darkMode ? d.integer(190, 235) : d.integer(8, 40);
    const double codeY = d.real(-0.12, 0.08) * screenH;
    p.save();
    p.translate(at.centre);
    p.rotate(at.angleDeg);
    p.translate(0, -codeY); // the code, not the phone, sits at the placement
    const QRectF body(-screenW / 2 - bezel, -screenH / 2 - bezel, screenW + 2 * bezel,
                      screenH + 2 * bezel);
    p.setPen(Qt::NoPen);
    p.setBrush(grey(d.integer(18, 45)));
    p.drawRoundedRect(body, bezel * 2.5, bezel * 2.5);
    p.fillRect(QRectF(-screenW / 2, -screenH / 2, screenW, screenH), grey(screenTone));
    // The wallet's coloured header and its title.
    p.fillRect(QRectF(-screenW / 2, -screenH / 2, screenW, screenH * 0.09),
               grey(look.darkMode ? d.integer(40, 70) : d.integer(95, 150)));
    drawTextLine(p, QPointF(-screenW / 2 + 10, -screenH / 2 + screenH * 0.14), int(screenW / 14),
                 look.darkMode ? 200 : 50, QStringLiteral("Pay the merchant"));
    p.translate(0, codeY);
    drawSymbolAt(p, symbol, look.modulePx, inkTone, screenTone);
    // The digits under a barcode, masked as the wallets show them.
    drawTextLine(p, QPointF(-codePx.width() / 3, codePx.height() / 2 + screenW / 16),
                 int(screenW / 22), inkTone,
                 QStringLiteral("%1 **** View digits").arg(code.left(4)));
    if (look.glare) {
        // A ceiling lamp on the glass: a bright patch that washes out the
        // code under it, strongest at its centre.
        const QPointF c(d.real(-0.3, 0.3) * codePx.width(), d.real(-0.3, 0.3) * codePx.height());
        const double r = d.real(0.25, 0.4) * qMax(codePx.width(), codePx.height());
        QRadialGradient g(c, r);
        const int peak = d.integer(185, 225);
        g.setColorAt(0, QColor(255, 255, 255, peak));
        g.setColorAt(0.45, QColor(255, 255, 255, peak * 2 / 3));
        g.setColorAt(1, QColor(255, 255, 255, 0));
        p.save();
        p.translate(c);
        p.scale(1, d.real(0.45, 0.9));
        p.translate(-c);
        p.setPen(Qt::NoPen);
        p.setBrush(g);
        p.drawEllipse(c, r, r);
        p.restore();
    }
    const QTransform t = p.transform();
    p.restore();
    return t.map(QPolygonF(body.translated(0, -codeY)));
}

// A printed label with a barcode on a product or a carton.
void drawLabel(QPainter& p, Dice& d, const QImage& symbol, double modulePx, const Placement& at)
{
    const QSizeF codePx = symbolSizePx(symbol, modulePx);
    p.save();
    p.translate(at.centre);
    p.rotate(at.angleDeg);
    const QRectF label(-codePx.width() / 2 - 8, -codePx.height() / 2 - 8, codePx.width() + 16,
                       codePx.height() + 34);
    p.fillRect(label, grey(d.integer(200, 245)));
    drawSymbolAt(p, symbol, modulePx, d.integer(10, 45), d.integer(205, 250));
    p.restore();
}

// The shop's own QR sticker: a card with a title above the code.
void drawSticker(QPainter& p, Dice& d, const QImage& symbol, double modulePx, const Placement& at)
{
    const QSizeF codePx = symbolSizePx(symbol, modulePx);
    p.save();
    p.translate(at.centre);
    p.rotate(at.angleDeg);
    const QRectF card(-codePx.width() / 2 - 20, -codePx.height() / 2 - 60, codePx.width() + 40,
                      codePx.height() + 90);
    p.fillRect(card, grey(d.integer(90, 140)));
    p.fillRect(card.adjusted(10, 45, -10, -10), grey(250));
    drawTextLine(p, card.topLeft() + QPointF(14, 32), 22, 245, QStringLiteral("Scan to pay"));
    drawSymbolAt(p, symbol, modulePx, d.integer(5, 30), 250);
    p.restore();
}

QImage symbolFor(Symbology s, const QString& text)
{
    return drawSymbol(text, s, s == Symbology::Code128 ? 32 : 50);
}

// The other half of the frame from the phone, for what sits beside it.
Placement besidePhone(Dice& d, const QPolygonF& phone, const QSizeF& size)
{
    const QRectF box = phone.boundingRect();
    const double angle = d.real(-5, 5);
    if (box.center().x() < kFrameWidthPx / 2)
        return {placeWithin(d, size, angle, box.right() + size.width() / 2 + 20, kFrameWidthPx),
                angle};
    return {placeWithin(d, size, angle, 0, box.left() - size.width() / 2 - 20), angle};
}

void lensBlur(QImage& grey, int passes)
{
    // [1 2 1]/4 across then down, `passes` times: a slightly soft lens.
    const int w = grey.width();
    const int h = grey.height();
    std::vector<uchar> tmp(size_t(qMax(w, h)));
    for (int n = 0; n < passes; ++n) {
        for (int y = 0; y < h; ++y) {
            uchar* line = grey.scanLine(y);
            for (int x = 0; x < w; ++x)
                tmp[size_t(x)] =
                    uchar((line[qMax(0, x - 1)] + 2 * line[x] + line[qMin(w - 1, x + 1)] + 2) / 4);
            std::copy_n(tmp.data(), w, line);
        }
        for (int x = 0; x < w; ++x) {
            for (int y = 0; y < h; ++y)
                tmp[size_t(y)] = uchar((grey.scanLine(qMax(0, y - 1))[x] + 2 * grey.scanLine(y)[x] +
                                        grey.scanLine(qMin(h - 1, y + 1))[x] + 2) /
                                       4);
            for (int y = 0; y < h; ++y)
                grey.scanLine(y)[x] = tmp[size_t(y)];
        }
    }
}

} // namespace

QImage drawScene(const Scene& scene)
{
    Dice d(scene.seed ^ 0x5ca11u);
    QImage rgb(kFrameWidthPx, kFrameHeightPx, QImage::Format_RGB32);
    QPainter p(&rgb);
    p.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform |
                     QPainter::TextAntialiasing);
    drawCounter(p, d);

    const Condition c = scene.condition;
    const bool withNeighbour =
        c == Condition::ProductBarcodeBeside || c == Condition::MerchantSticker;
    int blurPasses = d.integer(1, 2);
    if (c == Condition::NoPaymentCode) {
        const bool itf = scene.symbology == Symbology::Itf;
        // What a decoder must not take for a payment code: a carton's ITF
        // whose digits are shaped like a WeChat code, a product's EAN-13.
        const QString text = itf ? QString::number(d.integer(10, 15)) + d.digits(16)
                                 : QStringLiteral("69") + d.digits(10);
        const QImage symbol = symbolFor(scene.symbology, text);
        const double modulePx = itf ? d.real(2.0, 3.0) : d.real(1.8, 2.8);
        const double angle = d.real(-6, 6);
        drawLabel(p, d, symbol, modulePx,
                  {placeWithin(d, symbolSizePx(symbol, modulePx), angle, 0, kFrameWidthPx), angle});
    } else {
        const bool matrix = scene.symbology == Symbology::QrCode;
        const QImage symbol = symbolFor(scene.symbology, scene.paymentCode);
        PhoneLook look;
        look.modulePx = matrix ? d.real(3.5, 6.0) : d.real(1.8, 2.8);
        if (c == Condition::ThinModules) {
            look.modulePx = matrix ? d.real(1.7, 2.3) : d.real(1.15, 1.45);
            blurPasses = 0; // a fixed-focus camera is sharpest far away
        }
        look.darkMode = c == Condition::DarkMode;
        look.glare = c == Condition::Glare;
        double angle = d.real(-6, 6);
        if (c == Condition::Rotated)
            angle = matrix ? d.real(20, 340) : 90.0 * d.integer(1, 3) + d.real(-8, 8);
        const QSizeF codePx = symbolSizePx(symbol, look.modulePx);
        // With a neighbour the phone keeps to one side and leaves room.
        const bool left = d.chance(0.5);
        const double xLo = withNeighbour ? (left ? 0.0 : kFrameWidthPx * 0.5) : 0.0;
        const double xHi =
            withNeighbour ? (left ? kFrameWidthPx * 0.5 : kFrameWidthPx) : double(kFrameWidthPx);
        const Placement at{placeWithin(d, codePx, angle, xLo, xHi), angle};
        // The phone is drawn aside first, so that what sits beside it can
        // keep clear of its outline and still lie under its edge.
        QImage phoneLayer = rgb.copy();
        QPainter probe(&phoneLayer);
        probe.setRenderHints(p.renderHints());
        const QPolygonF body = drawPhone(probe, d, symbol, matrix, at, look, scene.paymentCode);
        probe.end();
        if (withNeighbour) {
            const bool product = c == Condition::ProductBarcodeBeside;
            const QImage other =
                product
                    ? symbolFor(Symbology::Ean13, QStringLiteral("69") + d.digits(10))
                    : symbolFor(
                          Symbology::QrCode,
                          d.chance(0.5)
                              ? QStringLiteral("wxp://f2f0%1").arg(d.digits(20))
                              : QStringLiteral("https://qr.alipay.com/fkx%1").arg(d.digits(16)));
            const double modulePx = product ? d.real(1.8, 2.6) : d.real(3.5, 5.0);
            const Placement beside = besidePhone(d, body, symbolSizePx(other, modulePx));
            if (product)
                drawLabel(p, d, other, modulePx, beside);
            else
                drawSticker(p, d, other, modulePx, beside);
        }
        QPainterPath clip;
        clip.addPolygon(body);
        p.save();
        p.setClipPath(clip);
        p.drawImage(0, 0, phoneLayer);
        p.restore();
    }
    p.end();

    QImage grey = rgb.convertToFormat(QImage::Format_Grayscale8);
    lensBlur(grey, blurPasses);
    // Lenses lose light towards the corners.
    const double cx = kFrameWidthPx / 2.0;
    const double cy = kFrameHeightPx / 2.0;
    const double strength = d.real(0.1, 0.3);
    for (int y = 0; y < grey.height(); ++y) {
        uchar* line = grey.scanLine(y);
        for (int x = 0; x < grey.width(); ++x) {
            const double r2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (cx * cx + cy * cy);
            line[x] = uchar(line[x] * (1.0 - strength * r2));
        }
    }
    return grey;
}

QImage cameraFrame(const QImage& sceneGrey, quint32 frameSeed)
{
    QImage frame = sceneGrey.copy();
    QRandomGenerator rng(frameSeed);
    // Exposure drifts a little between frames; the sensor adds noise of a few levels.
    const int exposure = int(rng.bounded(9)) - 4;
    for (int y = 0; y < frame.height(); ++y) {
        uchar* line = frame.scanLine(y);
        for (int x = 0; x < frame.width(); x += 4) {
            quint32 r = rng.generate();
            for (int i = 0; i < 4 && x + i < frame.width(); ++i, r >>= 8) {
                const int noise = int(r & 0x0f) - 8 + int((r >> 4) & 0x0f) - 8; // about ±8, peaked
                line[x + i] = uchar(qBound(0, line[x + i] + exposure + noise / 2, 255));
            }
        }
    }
    return frame;
}

} // namespace paydesk::scanset
