#include "sandbox/acquirer/RawXml.h"

namespace paydesk::sandbox {

namespace {
// Room for a typical call's dozen fields, so the text grows once at most.
constexpr qsizetype kTypicalLength = 320;
} // namespace

RawXml::RawXml(std::initializer_list<Field> fields) : m_writer(&m_text)
{
    m_text.reserve(kTypicalLength);
    m_writer.writeStartElement(QStringLiteral("xml"));
    // Closes the start tag now: a message without fields is <xml></xml>,
    // not <xml/>.
    m_writer.writeCharacters(QString());
    for (const Field& f : fields)
        add(f.name, f.value);
}

RawXml& RawXml::add(const QString& name, const QString& value)
{
    if (!value.isEmpty())
        m_writer.writeTextElement(name, value);
    return *this;
}

RawXml& RawXml::add(const char* name, const QString& value)
{
    if (!value.isEmpty())
        m_writer.writeTextElement(QString::fromLatin1(name), value);
    return *this;
}

RawXml& RawXml::num(const char* name, qint64 value)
{
    return add(name, QString::number(value));
}

QString RawXml::text()
{
    m_writer.writeEndElement();
    return m_text;
}

} // namespace paydesk::sandbox
