#include "Cli.h"

#include <QCoreApplication>

#include <csignal>
#include <execinfo.h>
#include <unistd.h>

namespace {

// A crash says where it happened on stderr before the process dies as it
// would have (core dump, exit status), so a crash in a kill-loop or CI run
// leaves a trace in the log. Only async-signal-safe calls here; backtrace()
// is primed at start so it does not load its library inside the handler.
void onCrash(int signalNumber)
{
    static const char header[] = "paydesk-core: crashed; stack:\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, header, sizeof header - 1);
    void* frames[64];
    const int count = backtrace(frames, 64);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}

void reportCrashes()
{
    void* prime[1];
    backtrace(prime, 1);
    for (int s : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
        std::signal(s, onCrash);
}

} // namespace

int main(int argc, char** argv)
{
    reportCrashes();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("paydesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));
    return paydesk::cli::run(app.arguments());
}
