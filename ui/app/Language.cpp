#include "app/Language.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace paydesk::ui {

namespace {

struct Installed
{
    QTranslator app;
    QTranslator qt;
    QString code;
};

Installed& installed()
{
    static Installed i;
    return i;
}

QString resolve(const QString& code)
{
    if (!code.isEmpty())
        return code;
    const QLocale sys = QLocale::system();
    return sys.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Language::displayName(const QString& code)
{
    if (code.isEmpty())
        return tr("System language");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("中文 (简体)");
    return QStringLiteral("English");
}

QString Language::apply(const QString& requested)
{
    Installed& i = installed();
    const QString code = resolve(requested);
    QCoreApplication::removeTranslator(&i.app);
    QCoreApplication::removeTranslator(&i.qt);
    if (i.app.load(QStringLiteral(":/i18n/paydesk_") + code))
        QCoreApplication::installTranslator(&i.app);
    if (i.qt.load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&i.qt);
    i.code = code;
    return code;
}

QString Language::current()
{
    return installed().code;
}

} // namespace paydesk::ui
