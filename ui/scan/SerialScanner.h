#pragma once

#include "scan/ScanBurstDetector.h"

#include <QObject>

class QSerialPort;

namespace paydesk::ui {

// A scanner on a serial port (or USB-serial): each line it sends is a code,
// cleaned like a keyboard-wedge scan (control characters, prefix, suffix).
class SerialScanner : public QObject
{
    Q_OBJECT
public:
    explicit SerialScanner(QObject* parent = nullptr);
    ~SerialScanner() override;

    // Opens the port; returns an error text for the cashier, empty on success.
    QString open(const QString& portName, int baud, const ScanBurstConfig& config);
    void close();
    bool isOpen() const;
    // Feeds raw bytes as if they came from the port (tests, other transports).
    void feed(const QByteArray& bytes);

Q_SIGNALS:
    void scanned(const QString& code);

private:
    QSerialPort* m_port;
    ScanBurstConfig m_config;
    QByteArray m_buffer;
};

} // namespace paydesk::ui
