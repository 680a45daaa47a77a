package shop.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A product (V3__products.sql). {@code version} counts writes: Hibernate adds
 * {@code AND version = ?} to every UPDATE and DELETE it issues, so a concurrent write fails
 * instead of being lost; the stock updates of orders bump it in SQL.
 */
@Entity
@Table(name = "products")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String brand;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal price;

    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> tags;

    @Column(nullable = false)
    public int stock;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
