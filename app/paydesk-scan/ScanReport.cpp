#include "ScanReport.h"

#include "api/types/Commands.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace paydesk::scan {

QString reportLine(const QString& file, const decode::DecodedCode& code, bool json)
{
    // The decoder marks payment codes (a wallet's symbology and shape); an
    // ITF or EAN with the same digits is reported as what it is.
    const PaymentCodeCheck check = classifyPaymentCode(code.text);
    const bool payment = code.paymentCode && check.ok();
    if (json) {
        QJsonObject o;
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("text"), code.text);
        o.insert(QStringLiteral("format"), code.format);
        if (payment)
            o.insert(QStringLiteral("paymentCode"),
                     QJsonObject{{QStringLiteral("wallet"), walletName(check.wallet)}});
        else
            o.insert(QStringLiteral("paymentCode"), QJsonValue::Null);
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    QString line = QStringLiteral("%1: %2 %3").arg(file, code.format, code.text);
    line += payment ? QStringLiteral(" (payment code: %1)").arg(walletName(check.wallet))
                    : QStringLiteral(" (not a payment code)");
    return line;
}

QString reportNothing(const QString& file, const QString& why, bool json)
{
    if (json) {
        QJsonObject o;
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("text"), QJsonValue::Null);
        o.insert(QStringLiteral("format"), QJsonValue::Null);
        o.insert(QStringLiteral("paymentCode"), QJsonValue::Null);
        o.insert(QStringLiteral("error"), why);
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    return QStringLiteral("%1: %2").arg(file, why);
}

} // namespace paydesk::scan
