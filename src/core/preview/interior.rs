//! The interior view: a flat illustration of the cabin from the rear seat —
//! windscreen, dashboard with a strip in the body colour, instrument
//! binnacle, steering wheel with the badge, centre screen and the two front
//! seats. Left-hand drive, as sold in Ukraine and continental Europe.

use crate::core::preview::svg::{push_hex, push_num, Rgb};

/// Draws the interior into `out`, filling a `width` × `height` frame; returns
/// the `<defs>` content it uses.
pub(crate) fn draw(
    out: &mut String,
    width: f64,
    height: f64,
    paint: Rgb,
    badge: &str,
    id: &str,
) -> String {
    // Everything is laid out on a 1000 × 750 board scaled to the frame.
    let (sx, sy) = (width / 1000.0, height / 750.0);
    out.push_str("<g transform=\"scale(");
    push_num(out, sx, 4);
    out.push(' ');
    push_num(out, sy, 4);
    out.push_str(")\">");
    // Windscreen and sky, framed by the A-pillars and the roof lining.
    out.push_str("<path d=\"M120 40H880L990 430H10Z\" fill=\"url(#");
    out.push_str(id);
    out.push_str("k)\"/><path d=\"M0 0H1000V430H990L880 40H120L10 430H0Z\" fill=\"#3a3c41\"/>");
    out.push_str(
        "<rect x=\"440\" y=\"52\" width=\"120\" height=\"34\" rx=\"10\" fill=\"#1f2125\"/>",
    );
    // Dashboard, its strip in the body colour, and the console.
    out.push_str("<path d=\"M0 420Q500 330 1000 420V750H0Z\" fill=\"#2b2d31\"/>");
    out.push_str("<path d=\"M0 452Q500 372 1000 452V478Q500 398 0 478Z\" fill=\"");
    push_hex(out, paint);
    out.push_str("\"/><path d=\"M400 470H600L640 750H360Z\" fill=\"#232529\"/>");
    out.push_str("<rect x=\"430\" y=\"488\" width=\"140\" height=\"88\" rx=\"10\" fill=\"#11161d\" stroke=\"#4b5563\" stroke-width=\"3\"/>");
    out.push_str(
        "<rect x=\"444\" y=\"502\" width=\"112\" height=\"60\" rx=\"6\" fill=\"#1d3b57\"/>",
    );
    // Instrument binnacle and steering wheel (left-hand drive).
    out.push_str("<path d=\"M170 455Q270 400 370 455V500H170Z\" fill=\"#1b1d21\"/>");
    out.push_str("<circle cx=\"230\" cy=\"478\" r=\"22\" fill=\"#0f1216\" stroke=\"#8c96a3\" stroke-width=\"3\"/><circle cx=\"310\" cy=\"478\" r=\"22\" fill=\"#0f1216\" stroke=\"#8c96a3\" stroke-width=\"3\"/>");
    out.push_str("<circle cx=\"270\" cy=\"560\" r=\"118\" fill=\"none\" stroke=\"#17181b\" stroke-width=\"26\"/>");
    out.push_str("<path d=\"M160 575H380M270 575V670\" stroke=\"#17181b\" stroke-width=\"30\"/>");
    out.push_str("<circle cx=\"270\" cy=\"572\" r=\"40\" fill=\"#202226\"/><ellipse cx=\"270\" cy=\"572\" rx=\"24\" ry=\"15\" fill=\"#dfe3e8\"/>");
    out.push_str("<text x=\"270\" y=\"578\" font-size=\"");
    out.push_str(if badge.chars().count() > 1 {
        "12"
    } else {
        "18"
    });
    out.push_str("\" font-family=\"Arial,Helvetica,sans-serif\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#2b2f35\">");
    out.push_str(badge);
    out.push_str("</text>");
    // Front seat backs and headrests.
    for x in [130u64, 650] {
        out.push_str("<rect x=\"");
        out.push_str(&(x + 55).to_string());
        out.push_str(
            "\" y=\"590\" width=\"110\" height=\"70\" rx=\"26\" fill=\"#3c3e44\"/><rect x=\"",
        );
        out.push_str(&x.to_string());
        out.push_str("\" y=\"640\" width=\"220\" height=\"130\" rx=\"40\" fill=\"#44474d\"/>");
    }
    out.push_str("</g>");

    let mut defs = String::from("<linearGradient id=\"");
    defs.push_str(id);
    defs.push_str("k\" x2=\"0\" y2=\"1\"><stop stop-color=\"#9cc3e6\"/><stop offset=\"1\" stop-color=\"#eef5fb\"/></linearGradient>");
    defs
}
