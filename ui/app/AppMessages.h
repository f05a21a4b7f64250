#pragma once

#include <QCoreApplication>
#include <QString>

namespace paydesk::ui {

// Messages the app shows before or outside any screen.
class AppMessages
{
    Q_DECLARE_TR_FUNCTIONS(AppMessages)
public:
    static QString coreFailed(const QString& error)
    {
        return tr("The core could not start: %1\nCheck the data directory and the configuration, "
                  "then start PayDesk again.")
            .arg(error);
    }
    static QString storageFailed(const QString& error)
    {
        return tr("Storage failed: %1\nNo command is taken any more. Restart PayDesk; it recovers "
                  "from disk.")
            .arg(error);
    }
};

} // namespace paydesk::ui
