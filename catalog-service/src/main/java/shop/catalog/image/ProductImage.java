package shop.catalog.image;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reference to an image whose bytes live in S3 (V5__product_images.sql). */
@Entity
@Table(name = "product_images")
public class ProductImage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    /** The S3 object key; named so in the table, not here, where KEY is an HQL word. */
    @Column(name = "key", nullable = false)
    public String objectKey;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(columnDefinition = "char(64)")
    public String sha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
