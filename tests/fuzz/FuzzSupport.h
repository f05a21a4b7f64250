#pragma once

// What every harness shares: a contract check that stops the run the way a
// crash does (libFuzzer then keeps the input), and a scratch file for the
// parsers that read files.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace paydesk::fuzz {

// Prints `what` (and `detail`) and aborts when `ok` is false: a broken
// contract is a finding like a crash.
void require(bool ok, const char* what, const QString& detail = QString());

// The fuzzer's bytes as a QByteArray (copied: the parsers may keep views).
inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// Writes `content` to this process's scratch file (one per harness process,
// rewritten on every input) and returns its path. `name` is the file's name,
// which parsers quote in their messages.
QString scratchFile(const QByteArray& content, const QString& name);

// The 1-based line "line N: ..." at the start of a message names, 0 when
// the message does not start that way.
qint64 leadingLineNumber(const QString& message);

// How many lines `text` has, as a line reader counts them (a last line
// without a line break counts).
qint64 lineCount(const QByteArray& text);

} // namespace paydesk::fuzz
