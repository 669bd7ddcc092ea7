import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

const FIRST_QUERY = `# Welcome to Mural Link. Log in with the login mutation, then add the token under Headers:
# { "Authorization": "Bearer <token>" }
mutation LogIn {
  login(input: { email: "admin@example.com", password: "<your password>" }) {
    token
    viewer { roles isAdmin user { email firstName lastName } }
  }
}

query WhoAmI {
  viewer { userType roles user { email } }
}
`;

/** GraphiQL with its scripts and styles inlined: it works with no internet. */
export const graphiqlPage = () =>
  renderGraphiQL({
    endpoint: "/graphql",
    title: "Mural Link",
    defaultQuery: FIRST_QUERY,
    isHeadersEditorEnabled: true,
  });
