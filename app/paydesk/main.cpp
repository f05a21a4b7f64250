#include "CommandLine.h"
#include "CoreFactory.h"

#include "app/AppMessages.h"
#include "app/Language.h"
#include "settings/AppSettings.h"
#include "settings/FirstRunWizard.h"
#include "shell/MainWindow.h"
#include "shell/ShiftLogin.h"

#include <QApplication>
#include <QMessageBox>
#include <QTextStream>

using namespace paydesk;

int main(int argc, char** argv)
{
    // Arguments first: --help and mistakes need no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const app::CommandLine cl = app::parseCommandLine(arguments);
    if (cl.help || !cl.error.isEmpty()) {
        QTextStream err(cl.help ? stdout : stderr);
        if (!cl.error.isEmpty())
            err << "paydesk: " << cl.error << "\n\n";
        err << app::commandLineHelp();
        return cl.help ? 0 : 2;
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PayDesk"));
    QApplication::setApplicationName(QStringLiteral("paydesk"));
    QApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));

    ui::AppSettings settings(cl.settingsPath);
    ui::Language::apply(cl.language.isEmpty() ? settings.language() : cl.language);
    // A remote counter's core is the server's: nothing to set up here.
    if (!cl.demo && cl.remoteUrl.isEmpty() && !settings.isConfigured()) {
        ui::FirstRunWizard wizard(settings);
        if (wizard.exec() != QDialog::Accepted)
            return 0;
        ui::Language::apply(settings.language());
    }

    app::CoreOptions options;
    options.demo = cl.demo;
    options.dataDir = cl.dataDir.isEmpty() && !cl.demo ? settings.dataDir() : cl.dataDir;
    options.configPath = cl.configPath;
    options.remoteUrl = cl.remoteUrl;
    options.terminalKey = cl.terminalKey;
    QString error;
    auto core = app::createCore(options, &error);
    if (!core) {
        QMessageBox::critical(nullptr, QStringLiteral("PayDesk"),
                              ui::AppMessages::coreFailed(error));
        return 4;
    }
    QObject::connect(core->api.get(), &PayDeskApi::fatalError, [](const QString& message) {
        QMessageBox::critical(nullptr, QStringLiteral("PayDesk"),
                              ui::AppMessages::storageFailed(message));
    });

    ui::MainWindow window(*core, settings);
    // Once the shop has users, someone logs in before the first sale.
    if (!window.shiftLogin().logInAtStart())
        return 0;
    window.show();
    return app.exec();
}
