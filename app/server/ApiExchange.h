#pragma once

#include "api/WireDecode.h"
#include "api/types/Terminals.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <optional>

namespace paydesk {

using Status = QHttpServerResponder::StatusCode;

// One request and the way back to its client, which may be gone by the
// time the facade answers.
class ApiExchange
{
public:
    ApiExchange(const QHttpServerRequest& request, QTcpSocket* socket,
                QHttpServerResponder responder)
        : method(request.method()), url(request.url()), body(request.body()), socket(socket),
          m_responder(std::move(responder))
    {
        signedRequest.method = methodName();
        signedRequest.pathAndQuery = signing::target(url);
        signedRequest.terminal = request.value("x-paydesk-terminal");
        signedRequest.timestamp = request.value("x-paydesk-timestamp");
        signedRequest.nonce = request.value("x-paydesk-nonce");
        signedRequest.signature = request.value("x-paydesk-signature");
        signedRequest.body = body;
        remote = request.remoteAddress().toString();
    }

    QByteArray methodName() const
    {
        switch (method) {
        case QHttpServerRequest::Method::Get:
            return "GET";
        case QHttpServerRequest::Method::Post:
            return "POST";
        case QHttpServerRequest::Method::Put:
            return "PUT";
        case QHttpServerRequest::Method::Delete:
            return "DELETE";
        case QHttpServerRequest::Method::Head:
            return "HEAD";
        case QHttpServerRequest::Method::Patch:
            return "PATCH";
        case QHttpServerRequest::Method::Options:
            return "OPTIONS";
        default:
            return "OTHER";
        }
    }
    QString path() const { return url.path(); }
    QUrlQuery query() const { return QUrlQuery(url); }
    bool isPost() const { return method == QHttpServerRequest::Method::Post; }

    void answer(const QJsonObject& o, Status status = Status::Ok)
    {
        if (m_answered)
            return;
        m_answered = true;
        if (!socket) // the client went away; what it asked is done all the same
            return;
        m_responder.write(QJsonDocument(o), status);
    }
    void answerRaw(const QByteArray& body, const QByteArray& contentType)
    {
        if (m_answered || !socket)
            return;
        m_answered = true;
        m_responder.write(body, {{QByteArrayLiteral("Content-Type"), contentType}}, Status::Ok);
    }
    void error(Status status, const QString& code, const QString& message,
               const QString& field = QString())
    {
        QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
        if (!field.isEmpty())
            e.insert(QStringLiteral("field"), field);
        answer({{QStringLiteral("error"), e}}, status);
    }
    // The body as a JSON object, or an answered refusal.
    std::optional<QJsonObject> jsonBody()
    {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
        if (pe.error != QJsonParseError::NoError) {
            error(Status::BadRequest, QStringLiteral("malformed_json"),
                  QStringLiteral("the body is not JSON: %1 at byte %2")
                      .arg(pe.errorString())
                      .arg(pe.offset));
            return std::nullopt;
        }
        if (!doc.isObject()) {
            error(Status::BadRequest, QStringLiteral("malformed_json"),
                  QStringLiteral("the body must be a JSON object"));
            return std::nullopt;
        }
        return doc.object();
    }
    // The body read as T (strictly), or an answered refusal.
    template <typename T> std::optional<T> command()
    {
        const auto o = jsonBody();
        if (!o)
            return std::nullopt;
        JsonReader report(QJsonObject{});
        auto value = wire::decode<T>(*o, JsonReader::Mode::Strict, &report);
        if (!value)
            error(Status::BadRequest, jsonProblemCode(report.problem()), report.error(),
                  report.field());
        return value;
    }

    QHttpServerRequest::Method method;
    QUrl url;
    QByteArray body;
    QPointer<QTcpSocket> socket;
    SignedRequest signedRequest;
    QString remote;

private:
    QHttpServerResponder m_responder;
    bool m_answered = false;
};

} // namespace paydesk
