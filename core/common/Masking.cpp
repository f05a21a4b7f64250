#include "common/Masking.h"

#include <QRegularExpression>

namespace paydesk {

QString maskPaymentCode(const QString& code)
{
    if (code.size() <= 6)
        return QString(code.size(), QLatin1Char('*'));
    return code.left(2) + QString(code.size() - 6, QLatin1Char('*')) + code.right(4);
}

QString maskRawMessage(const QString& raw)
{
    // Field names whose values are credentials. Matched in key=value, XML
    // <name>value</name> and JSON "name":"value" forms.
    static const QString names =
        QStringLiteral("auth_code|authCode|sign|key|password|pin|private_key|app_cert_sn");
    // A field follows the start, '&', '?' (query strings) or whitespace.
    static const QRegularExpression kv(QStringLiteral("(^|[&?\\s])(%1)=([^&\\s]*)").arg(names));
    static const QRegularExpression xml(
        QStringLiteral("<(%1)>(?:<!\\[CDATA\\[)?([^<\\]]*)(?:\\]\\]>)?</\\1>").arg(names));
    static const QRegularExpression json(QStringLiteral("\"(%1)\"\\s*:\\s*\"([^\"]*)\"").arg(names));
    // JSON numbers too: a client may send the auth code unquoted.
    static const QRegularExpression jsonNumber(
        QStringLiteral("\"(%1)\"\\s*:\\s*(-?[0-9]+)").arg(names));

    auto maskValue = [](const QString& name, const QString& value) {
        if (name.startsWith(QLatin1String("auth")))
            return maskPaymentCode(value);
        return QStringLiteral("***");
    };
    auto maskAll = [&](const QString& in, const QRegularExpression& re, int nameGroup,
                       int valueGroup) {
        QString result;
        qsizetype last = 0;
        for (auto it = re.globalMatch(in); it.hasNext();) {
            const auto m = it.next();
            result += in.mid(last, m.capturedStart(valueGroup) - last);
            result += maskValue(m.captured(nameGroup), m.captured(valueGroup));
            last = m.capturedEnd(valueGroup);
        }
        result += in.mid(last);
        return result;
    };
    // Each form needs its punctuation; skipping a pass that cannot match
    // keeps masking cheap on every tracked call.
    QString out = raw;
    if (out.contains(QLatin1Char('=')))
        out = maskAll(out, kv, 2, 3);
    if (out.contains(QLatin1Char('<')))
        out = maskAll(out, xml, 1, 2);
    if (out.contains(QLatin1Char('"'))) {
        out = maskAll(out, json, 1, 2);
        out = maskAll(out, jsonNumber, 1, 2);
    }
    return out;
}

} // namespace paydesk
