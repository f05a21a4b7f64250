#include "common/Tone.h"

#include <QApplication>
#include <QStyle>

namespace paydesk::ui {

QColor toneColor(SaleTone tone, bool highContrast)
{
    switch (tone) {
    case SaleTone::Success:
        return highContrast ? QColor(0, 255, 0) : QColor(0x1b, 0x7f, 0x2a);
    case SaleTone::Failure:
        return highContrast ? QColor(255, 80, 80) : QColor(0xb0, 0x1c, 0x1c);
    case SaleTone::Warning:
        return highContrast ? QColor(255, 220, 0) : QColor(0x9a, 0x5b, 0x00);
    case SaleTone::Busy:
        return highContrast ? QColor(120, 200, 255) : QColor(0x1f, 0x4e, 0x8c);
    case SaleTone::Neutral:
        break;
    }
    return highContrast ? QColor(Qt::white) : QApplication::palette().color(QPalette::WindowText);
}

QIcon toneIcon(SaleTone tone)
{
    QStyle* s = QApplication::style();
    switch (tone) {
    case SaleTone::Success:
        return s->standardIcon(QStyle::SP_DialogApplyButton);
    case SaleTone::Failure:
        return s->standardIcon(QStyle::SP_MessageBoxCritical);
    case SaleTone::Warning:
        return s->standardIcon(QStyle::SP_MessageBoxWarning);
    case SaleTone::Busy:
        return s->standardIcon(QStyle::SP_BrowserReload);
    case SaleTone::Neutral:
        break;
    }
    return s->standardIcon(QStyle::SP_MessageBoxInformation);
}

} // namespace paydesk::ui
