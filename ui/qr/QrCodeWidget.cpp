#include "qr/QrCodeWidget.h"

#include "decode/CodeImage.h"

#include <QPainter>

namespace paydesk::ui {

QrCodeWidget::QrCodeWidget(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("qrCode"));
    setMinimumSize(200, 200);
}

void QrCodeWidget::setText(const QString& text)
{
    m_text = text;
    render();
    update();
}

void QrCodeWidget::render()
{
    m_image = QImage();
    m_modulePx = 0;
    if (m_text.isEmpty())
        return;
    const int modules = decode::codeModules(m_text, decode::CodeFormat::QrCode);
    if (modules <= 0)
        return;
    const qreal dpr = devicePixelRatioF();
    const int sidePx = int(qMin(width(), height()) * dpr);
    m_modulePx = qMax(1, sidePx / (modules + 8));
    m_image = decode::renderCode(m_text, decode::CodeFormat::QrCode, m_modulePx);
    m_image.setDevicePixelRatio(dpr);
}

void QrCodeWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    render();
}

void QrCodeWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    if (m_image.isNull())
        return;
    const QSizeF size = m_image.deviceIndependentSize();
    const QPointF topLeft((width() - size.width()) / 2, (height() - size.height()) / 2);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(topLeft, m_image);
}

} // namespace paydesk::ui
