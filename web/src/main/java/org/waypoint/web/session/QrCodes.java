package org.waypoint.web.session;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes drawn on the server as inline SVG: no script, and nothing the page's content security
 * policy would refuse (an image from a {@code data:} address would be).
 */
final class QrCodes {

    /** The quiet zone around the code, in modules, as the standard asks. */
    private static final int BORDER = 4;

    private QrCodes() {
    }

    /** The SVG element of a QR code for {@code text}, labelled for assistive technology by {@code label}. */
    static String svg(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"qr-code\" class=\"waypoint-qr-code\" role=\"img\" aria-label=\""
                + escape(label) + "\" viewBox=\"0 0 " + size + " " + size + "\" width=\"" + size * 5 + "\" height=\"" + size * 5
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\""
                + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
