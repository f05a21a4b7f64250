#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace paydesk::ui {

// A stable code the core records and its words (QT_TRANSLATE_NOOP), for the
// tables that say such codes in the user's language.
struct CodeText
{
    const char* code;
    const char* text;
};

// The translated words of `code` in `context`; none when the table lacks it.
template <size_t N>
std::optional<QString> codeText(const char* context, const CodeText (&table)[N],
                                const QString& code)
{
    for (const CodeText& t : table)
        if (code == QLatin1String(t.code))
            return QCoreApplication::translate(context, t.text);
    return std::nullopt;
}

} // namespace paydesk::ui
