package com.ja4.workstation.data.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Request paths of the demo sites, by what the client is after. */
final class SitePaths {

    private SitePaths() {
    }

    private static final List<String> SHOP_PAGES = List.of("/", "/luminaires", "/luminaires/suspensions",
            "/luminaires/appliques", "/luminaires/lampes-de-bureau", "/panier", "/recherche?q=applique+laiton",
            "/blog/choisir-sa-temperature-de-couleur", "/livraison", "/contact");
    private static final List<String> TRAVEL_PAGES = List.of("/", "/destinations/norvege", "/destinations/islande",
            "/destinations/laponie", "/offres/derniere-minute", "/recherche?dest=tromso&date=2026-12",
            "/guide/aurores-boreales", "/a-propos");

    /** A page a person or a crawler reads; {@code catalogue} widens to the whole product range as scrapers do. */
    static String page(String host, SplittableRandom rng, boolean catalogue) {
        int range = catalogue ? 6000 : 120;
        return switch (host) {
            case Catalog.SHOP -> rng.nextDouble() < (catalogue ? 0.9 : 0.45)
                    ? "/produit/" + productSlug(rng.nextInt(1, range)) : pick(SHOP_PAGES, rng);
            case Catalog.SHOP_API -> rng.nextDouble() < 0.5
                    ? "/api/v2/products?page=" + rng.nextInt(1, catalogue ? 400 : 12) + "&size=48"
                    : "/api/v2/stock/" + rng.nextInt(1, range);
            case Catalog.SHOP_LOGIN -> rng.nextDouble() < 0.7 ? "/account/login" : "/account/reset";
            default -> rng.nextDouble() < (catalogue ? 0.9 : 0.4)
                    ? "/voyages/" + rng.nextInt(1000, 1000 + range) : pick(TRAVEL_PAGES, rng);
        };
    }

    static String asset(String host, SplittableRandom rng) {
        if (rng.nextDouble() < 0.35) {
            return (host.startsWith("www.nordlys") ? "/img/voyages/" : "/img/p/") + rng.nextInt(1, 400) + ".webp";
        }
        return pick(Catalog.ASSETS, rng);
    }

    /** What a visitor submits: cart updates and the occasional login. */
    static String visitorPost(String host, SplittableRandom rng) {
        return switch (host) {
            case Catalog.SHOP_LOGIN -> "/account/login";
            case Catalog.SHOP_API -> "/api/v2/cart";
            case Catalog.SHOP -> rng.nextDouble() < 0.8 ? "/panier/ajouter" : "/newsletter";
            default -> "/reservation/devis";
        };
    }

    static String loginPost(SplittableRandom rng) {
        return pick(Catalog.LOGIN_POSTS, rng);
    }

    static String probe(SplittableRandom rng) {
        if (rng.nextDouble() < 0.45) return pick(Catalog.PROBES, rng);
        return "/" + pick(Catalog.FUZZ_WORDS, rng) + (rng.nextDouble() < 0.3 ? rng.nextInt(1, 100) : "")
                + pick(Catalog.FUZZ_SUFFIXES, rng);
    }

    private static String productSlug(int n) {
        String[] kinds = {"suspension", "applique", "lampe-atelier", "lampadaire", "plafonnier", "ampoule-filament"};
        return kinds[n % kinds.length] + "-" + n;
    }

    static <T> T pick(List<T> list, SplittableRandom rng) {
        return list.get(rng.nextInt(list.size()));
    }
}
