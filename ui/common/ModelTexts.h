#pragma once

class QAbstractItemModel;

namespace paydesk::ui {

// After a language change: the views ask a model for its (translated)
// headers and texts again.
void refreshModelTexts(QAbstractItemModel* model);

} // namespace paydesk::ui
