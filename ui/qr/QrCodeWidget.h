#pragma once

#include <QImage>
#include <QWidget>

namespace paydesk::ui {

// Shows a text as a QR code as large as the widget allows, every module a
// whole number of device pixels (no smoothing), with the 4-module quiet zone.
class QrCodeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit QrCodeWidget(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return m_text; }
    // The image as painted now (null when there is no text).
    QImage image() const { return m_image; }
    int modulePx() const { return m_modulePx; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();

    QString m_text;
    QImage m_image;
    int m_modulePx = 0;
};

} // namespace paydesk::ui
