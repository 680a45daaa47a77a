package shop.catalog.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import shop.catalog.payment.PaymentView;

/**
 * The data of every order.* event, one shape for all (events/schemas/order.schema.json): the order
 * as the API shows it and, once paid, its payment beside its fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderEvent(@JsonUnwrapped OrderView order, PaymentView payment) {
}
