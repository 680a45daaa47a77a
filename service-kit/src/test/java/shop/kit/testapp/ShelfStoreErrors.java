package shop.kit.testapp;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.problem.Problem;
import shop.kit.problem.StoreErrors;

/** The test shop's store: a duplicate key is a conflict, as a service's own StoreErrors says for its store. */
@ApplicationScoped
public class ShelfStoreErrors implements StoreErrors {

    @Override
    public Optional<Problem> problemFor(Throwable failure) {
        return failure instanceof Shelf.DuplicateKey ? Optional.of(Problem.conflict("it exists already")) : Optional.empty();
    }
}
