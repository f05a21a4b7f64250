#include "api/types/ReconReportExport.h"

#include "common/ChinaTime.h"
#include "money/Money.h"

namespace paydesk {

namespace {

QString csvField(const QString& v)
{
    if (!v.contains(QLatin1Char(',')) && !v.contains(QLatin1Char('"')) &&
        !v.contains(QLatin1Char('\n')))
        return v;
    QString q = v;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// PDF string literal: only printable ASCII survives (Helvetica has no CJK).
QByteArray pdfText(const QString& s)
{
    QByteArray out;
    for (QChar c : s) {
        const ushort u = c.unicode();
        if (u == '(' || u == ')' || u == '\\')
            out += '\\';
        out += (u >= 0x20 && u < 0x7f) ? char(u) : '?';
    }
    return out;
}

} // namespace

QByteArray reconReportCsv(const ReconReport& r)
{
    QByteArray out = "item,ours,bill\r\n";
    const QList<QStringList> rows = reconReportRows(r);
    for (const QStringList& row : rows) {
        QStringList fields;
        for (const QString& f : row)
            fields << csvField(f);
        out += fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

QByteArray reconReportPdf(const ReconReport& r)
{
    // Page content: a title, then one text line per row in three columns.
    QByteArray content = "BT /F1 14 Tf 56 790 Td (" +
                         pdfText(QStringLiteral("Reconciliation %1 %2")
                                     .arg(r.channel, r.businessDate.toString(Qt::ISODate))) +
                         ") Tj ET\n";
    int y = 760;
    for (const QStringList& row : reconReportRows(r)) {
        const int x[3] = {56, 250, 400};
        for (int i = 0; i < 3 && i < row.size(); ++i)
            content += "BT /F1 10 Tf " + QByteArray::number(x[i]) + ' ' + QByteArray::number(y) +
                       " Td (" + pdfText(row.at(i)) + ") Tj ET\n";
        y -= 16;
    }
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R "
        ">> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
            "endstream",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qint64> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qint64 xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qint64 off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace paydesk
