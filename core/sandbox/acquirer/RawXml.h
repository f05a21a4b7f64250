#pragma once

#include <QString>
#include <QXmlStreamWriter>

#include <initializer_list>

namespace paydesk::sandbox {

// The short WeChat-V2-like XML the acquirer records as the raw request and
// response of each call (shown in the track; the engine masks it before
// storing). <xml><name>value</name>...</xml>, no declaration, no CDATA;
// empty values are left out. Characters XML cannot carry (C0 controls but
// tab and newlines) are dropped, so the text always parses.
//
// The writer writes into the object's own text, so a RawXml is neither
// copied nor moved: return one only as a prvalue (guaranteed elision).
class RawXml
{
public:
    struct Field
    {
        const char* name;
        QString value;
    };
    explicit RawXml(std::initializer_list<Field> fields = {});
    RawXml(const RawXml&) = delete;
    RawXml& operator=(const RawXml&) = delete;

    RawXml& add(const QString& name, const QString& value);
    RawXml& add(const char* name, const QString& value);
    RawXml& num(const char* name, qint64 value);
    // The finished text. Ends the document: call once, add nothing after.
    QString text();

private:
    QString m_text;
    QXmlStreamWriter m_writer;
};

} // namespace paydesk::sandbox
