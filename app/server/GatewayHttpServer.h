#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>

#include <memory>

namespace paydesk {

class GatewayFront;

struct GatewayTlsConfig
{
    QSslCertificate certificate; // the server's
    QSslKey key;
    // Client certificates issued by these CAs count as verified (WeChat's
    // merchant certificate for secapi/*). A client without one can still
    // make the calls that do not need it.
    QList<QSslCertificate> clientCaCertificates;
};

// Carries HTTP(S) requests to the sandbox's protocol fronts by path prefix
// ("/wechat/", "/alipay/"). Fronts answer asynchronously; an answer for a
// client that has gone away is dropped. POST is served, as by the real
// gateways, and GET for the files they link to (Alipay's bill download).
class GatewayHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit GatewayHttpServer(QObject* parent = nullptr);
    ~GatewayHttpServer() override;

    // Not owned; must outlive the server.
    void addFront(const QString& pathPrefix, GatewayFront* front);

    // Listens once more: plain HTTP, or HTTPS when `tls` is given (one
    // server may do both on different ports). Returns the port, 0 on
    // failure (`error` says why).
    quint16 listenOn(const QHostAddress& address, quint16 port, const GatewayTlsConfig* tls,
                     QString* error);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    bool clientCertificateVerified(QTcpSocket* socket) const;

    QList<QPair<QString, GatewayFront*>> m_fronts;
    QList<QSslCertificate> m_clientCas;
};

} // namespace paydesk
