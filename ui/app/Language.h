#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QTranslator;

namespace paydesk::ui {

// The cashier's language: the system's by default, or the one chosen in the
// settings ("zh_CN", "en"). Installing a translator makes Qt send
// QEvent::LanguageChange to every widget, which then retranslates itself.
class Language
{
    Q_DECLARE_TR_FUNCTIONS(Language)
public:
    // "" means: follow the system.
    static QStringList available(); // "en", "zh_CN"
    static QString displayName(const QString& code);
    // Loads and installs the translation; returns the code in effect.
    static QString apply(const QString& code);
    static QString current();
};

} // namespace paydesk::ui
