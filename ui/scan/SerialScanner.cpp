#include "scan/SerialScanner.h"

#include <QSerialPort>

namespace paydesk::ui {

SerialScanner::SerialScanner(QObject* parent) : QObject(parent), m_port(new QSerialPort(this))
{
    connect(m_port, &QSerialPort::readyRead, this, [this] { feed(m_port->readAll()); });
}

SerialScanner::~SerialScanner() = default;

QString SerialScanner::open(const QString& portName, int baud, const ScanBurstConfig& config)
{
    close();
    m_config = config;
    m_port->setPortName(portName);
    m_port->setBaudRate(baud);
    if (!m_port->open(QIODevice::ReadOnly))
        return tr("The serial scanner on %1 could not be opened (%2). Check the cable and the "
                  "port in Settings; the keyboard scanner and typing still work.")
            .arg(portName, m_port->errorString());
    return {};
}

void SerialScanner::close()
{
    if (m_port->isOpen())
        m_port->close();
    m_buffer.clear();
}

bool SerialScanner::isOpen() const
{
    return m_port->isOpen();
}

void SerialScanner::feed(const QByteArray& bytes)
{
    m_buffer += bytes;
    if (m_buffer.size() > 4096) // a scanner never sends this much without an end of line
        m_buffer = m_buffer.right(256);
    for (;;) {
        const qsizetype end =
            m_buffer.indexOf('\r') >= 0 ? m_buffer.indexOf('\r') : m_buffer.indexOf('\n');
        if (end < 0)
            return;
        const QString code =
            ScanBurstDetector::clean(QString::fromLatin1(m_buffer.left(end)), m_config);
        m_buffer.remove(0, end + 1);
        if (!code.isEmpty())
            Q_EMIT scanned(code);
    }
}

} // namespace paydesk::ui
