package shop.catalog.image;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import shop.catalog.CatalogConfig;
import shop.catalog.product.Product;
import shop.catalog.product.ProductService;
import shop.kit.problem.Problem;

/** Image references of a product; each change is a product write (version + 1, product.updated). */
@ApplicationScoped
public class ImageService {

    private final ProductService products;
    private final CatalogConfig config;

    public ImageService(ProductService products, CatalogConfig config) {
        this.products = products;
        this.config = config;
    }

    @Transactional
    public ImageView add(UUID productId, NewImage request) {
        Product product = lockedProduct(productId);
        if (ProductImage.count("objectKey", request.key()) > 0) {
            throw Problem.conflict("an image with this key exists");
        }
        ProductImage image = new ProductImage();
        image.id = UUID.randomUUID();
        image.productId = productId;
        image.objectKey = request.key();
        image.contentType = request.contentType();
        image.size = request.size();
        image.sha256 = request.sha256();
        image.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        image.persist();
        products.touched(product);
        return view(image);
    }

    public List<ImageView> of(UUID productId) {
        products.existing(productId);
        return ProductImage.<ProductImage>list("productId = ?1 order by createdAt, id", productId).stream()
                .map(this::view).toList();
    }

    @Transactional
    public void remove(UUID productId, UUID imageId) {
        Product product = lockedProduct(productId);
        long removed = ProductImage.delete("id = ?1 and productId = ?2", imageId, productId);
        if (removed == 0) {
            throw Problem.notFound("image not found");
        }
        products.touched(product);
    }

    /** Locked, so two image changes of one product do not race on its version. */
    private Product lockedProduct(UUID productId) {
        Product product = Product.findById(productId, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            throw Problem.notFound("product not found");
        }
        return product;
    }

    private ImageView view(ProductImage image) {
        String base = config.media().publicUrl().replaceAll("/+$", "");
        return new ImageView(image.id, image.productId, image.objectKey, base + "/api/media/" + image.objectKey,
                image.contentType, image.size, image.sha256, image.createdAt);
    }
}
