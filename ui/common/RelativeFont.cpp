#include "common/RelativeFont.h"

#include <QFont>
#include <QFontMetrics>
#include <QVariant>
#include <QWidget>

namespace paydesk::ui {

namespace {

const char kScale[] = "relativeFontScale";
const char kBold[] = "relativeFontBold";
const char kMinLines[] = "relativeFontMinLines";

void apply(QWidget* w)
{
    // An explicit font is kept by Qt against parent changes, so it is made
    // again each time, from the window's: Qt hands a new font to the
    // widgets of a hidden tab only when they are shown, so a parent there
    // may still have the old one.
    QFont f = w->window()->font();
    f.setPointSizeF(f.pointSizeF() * w->property(kScale).toDouble());
    if (w->property(kBold).toBool())
        f.setBold(true);
    w->setFont(f);
    if (const double lines = w->property(kMinLines).toDouble(); lines > 0)
        w->setMinimumHeight(int(QFontMetrics(f).height() * lines));
}

} // namespace

void setRelativeFont(QWidget* w, double scale, bool bold, double minHeightLines)
{
    Q_ASSERT(w && scale > 0);
    w->setProperty(kScale, scale);
    w->setProperty(kBold, bold);
    w->setProperty(kMinLines, minHeightLines);
    apply(w);
}

void refreshRelativeFonts(QWidget* root)
{
    for (QWidget* w : root->findChildren<QWidget*>())
        if (w->property(kScale).isValid())
            apply(w);
}

void adoptWindowFont(QWidget* dialog, const QWidget* from)
{
    dialog->setFont(from->window()->font());
    refreshRelativeFonts(dialog);
}

} // namespace paydesk::ui
