#pragma once

class QWidget;

namespace paydesk::ui {

// A widget whose type is `scale` times its window's (and bold if asked),
// now and whenever refreshRelativeFonts() runs: counter mode enlarges the
// window's font, and every emphasised label, key and field follows it
// instead of keeping the size it was built with. `minHeightLines` > 0 keeps
// the widget at least that many of its own lines tall (touch targets).
void setRelativeFont(QWidget* w, double scale, bool bold = false, double minHeightLines = 0);
// Applies every relative font under `root` again from its window's font;
// called after the window's font changed.
void refreshRelativeFonts(QWidget* root);
// A dialog (a window of its own, which Qt does not give its parent's font)
// takes `from`'s window font, relative fonts included: counter mode's large
// type reaches it too.
void adoptWindowFont(QWidget* dialog, const QWidget* from);

} // namespace paydesk::ui
